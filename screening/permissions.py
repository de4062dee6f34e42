"""Who may screen and read screenings: caseworkers and team leads of the citizen's team."""

import rules

from jobcenter.permissions import is_member_of_team, works_on_team_cases

# obj is the citizen for "add" and the screening for "view" (Screening.team_id is its citizen's).
rules.add_perm("screening.add_screening", works_on_team_cases)
rules.add_perm("screening.view_screening", works_on_team_cases)
# Company consultants (and everyone of the team) see consented accommodation needs only.
rules.add_perm("screening.view_accommodations", is_member_of_team)
