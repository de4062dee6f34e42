"""Who may do what in matching (rules predicates; visibility is the querysets' job)."""

from __future__ import annotations

import rules

from jobcenter.permissions import (
    has_case_role,
    is_company_consultant,
    is_member_of_team,
    is_team_lead,
    works_on_team_cases,
)


@rules.predicate
def works_in_jobcenter(user, obj) -> bool:
    """The object (employer or vacancy) belongs to one of the user's jobcenters."""
    if obj is None:
        return True
    jobcenter_id = getattr(obj, "jobcenter_id", None)
    if jobcenter_id is None and hasattr(obj, "employer"):
        jobcenter_id = obj.employer.jobcenter_id
    return jobcenter_id in user.jobcenter_ids()


is_employer_worker = is_company_consultant | is_team_lead

rules.add_perm("matching.view_employer", works_in_jobcenter)
rules.add_perm("matching.add_employer", is_employer_worker)
rules.add_perm("matching.change_employer", is_employer_worker & works_in_jobcenter)
rules.add_perm("matching.add_vacancy", is_employer_worker)
rules.add_perm("matching.change_vacancy", is_employer_worker & works_in_jobcenter)
# Match profiles: everyone on the citizen's team sees them (consultants too, but never the
# screening answers); caseworkers and team leads change them.
rules.add_perm("matching.view_match_profile", is_member_of_team)
rules.add_perm("matching.change_match_profile", works_on_team_cases)
rules.add_perm("matching.view_matches", is_member_of_team)
rules.add_perm("matching.propose_match", is_member_of_team & (has_case_role | is_employer_worker))
rules.add_perm("matching.advance_match", is_member_of_team)
