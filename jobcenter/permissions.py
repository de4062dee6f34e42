"""The one place that decides what a user may do (``rules`` predicates).

What a user may *see* is decided by the ``visible_to(user)`` queryset methods; the
helpers at the bottom turn "not visible" into 404 and "not allowed" into 403.
"""

from __future__ import annotations

import rules
from django.core.exceptions import PermissionDenied
from django.db.models import Model, QuerySet
from django.http import Http404

from jobcenter.models import Role

CASE_ROLES = (Role.CASEWORKER, Role.TEAM_LEAD)


def _team_id(obj) -> int | None:
    return getattr(obj, "team_id", None)


@rules.predicate
def has_case_role(user) -> bool:
    return bool(user.team_ids(*CASE_ROLES))


@rules.predicate
def is_team_lead(user) -> bool:
    return bool(user.team_ids(Role.TEAM_LEAD))


@rules.predicate
def is_company_consultant(user) -> bool:
    return bool(user.team_ids(Role.COMPANY_CONSULTANT))


@rules.predicate
def is_member_of_team(user, obj) -> bool:
    return obj is not None and _team_id(obj) in user.team_ids()


@rules.predicate
def works_on_team_cases(user, obj) -> bool:
    """Caseworker or team lead of the object's team."""
    return obj is not None and _team_id(obj) in user.team_ids(*CASE_ROLES)


@rules.predicate
def leads_team(user, obj) -> bool:
    return obj is not None and _team_id(obj) in user.team_ids(Role.TEAM_LEAD)


@rules.predicate
def owns_deadline(user, deadline) -> bool:
    return deadline is not None and deadline.owner_id == user.pk


rules.add_perm("jobcenter.view_citizen", is_member_of_team)
rules.add_perm("jobcenter.add_citizen", has_case_role)
rules.add_perm("jobcenter.change_citizen", works_on_team_cases)
rules.add_perm("jobcenter.reveal_cpr", works_on_team_cases)
rules.add_perm("jobcenter.reassign_citizen", leads_team)
# Health data (screening answers) is for the citizen's caseworkers and team leads only.
rules.add_perm("jobcenter.view_health_data", works_on_team_cases)
rules.add_perm("jobcenter.view_deadline", is_member_of_team | owns_deadline)
rules.add_perm("jobcenter.complete_deadline", works_on_team_cases | owns_deadline)


def get_visible_or_404(queryset: QuerySet, user, **lookup) -> Model:
    """Fetch one object through ``visible_to(user)``: outside the user's scope is a 404."""
    try:
        return queryset.visible_to(user).get(**lookup)
    except queryset.model.DoesNotExist as exc:
        raise Http404 from exc


def require_perm(user, perm: str, obj=None) -> None:
    if not user.has_perm(perm, obj):
        raise PermissionDenied
