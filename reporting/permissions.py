import rules

from jobcenter.permissions import works_on_team_cases

# The citizen's data export (GDPR art. 15) holds health data: caseworkers and team leads of
# the citizen's team only.
rules.add_perm("reporting.export_citizen_data", works_on_team_cases)
