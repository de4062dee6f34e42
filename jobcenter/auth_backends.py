"""Sign-in by username and password; Django's model permissions only for staff.

What caseworkers, consultants and team leads may do is decided by ``rules`` predicates
(jobcenter/permissions.py); the database's per-model permissions exist for Django admin.
Skipping them for everyone else saves two queries on every page that asks a rule which
says no.
"""

from django.contrib.auth.backends import ModelBackend


class StaffModelBackend(ModelBackend):
    def get_all_permissions(self, user_obj, obj=None) -> set[str]:
        if not user_obj.is_staff:
            return set()
        return super().get_all_permissions(user_obj, obj)
