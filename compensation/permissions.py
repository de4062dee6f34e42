"""Who may do what with applications and grants (``rules`` predicates).

Applications and grants belong to the citizen's team; caseworkers and team leads of that
team work on them, only team leads decide, and never on their own cases (four-eyes).
"""

from __future__ import annotations

import rules

from jobcenter.permissions import is_team_lead, leads_team, works_on_team_cases


def four_eyes_conflict(user, application) -> bool:
    """True when the user made the application or brokers its citizen."""
    if user is None or application is None:
        return False
    citizen_caseworker = application.citizen.caseworker_id if application.citizen_id else None
    return user.pk in {
        application.created_by_id,
        application.citizen_caseworker_id,
        citizen_caseworker,
    }


@rules.predicate
def not_four_eyes_conflicted(user, application) -> bool:
    return not four_eyes_conflict(user, application)


rules.add_perm("compensation.view_application", works_on_team_cases)
rules.add_perm("compensation.add_application", works_on_team_cases)  # obj: the citizen
rules.add_perm("compensation.change_application", works_on_team_cases)
rules.add_perm("compensation.claim_application", leads_team)
rules.add_perm("compensation.decide_application", leads_team & not_four_eyes_conflicted)
rules.add_perm("compensation.view_grant", works_on_team_cases)
rules.add_perm("compensation.end_grant", works_on_team_cases)
rules.add_perm("compensation.revoke_grant", leads_team)
rules.add_perm("compensation.view_queue", is_team_lead)
