"""Sign-ins, sign-outs and failed sign-ins go to the audit trail."""

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from jobcenter.audit import audit
from jobcenter.models import AuditAction


@receiver(user_logged_in)
def on_login(sender, request, user, **kwargs):
    audit(action=AuditAction.LOGIN, user=user, request=request)


@receiver(user_logged_out)
def on_logout(sender, request, user, **kwargs):
    if user is not None:
        audit(action=AuditAction.LOGOUT, user=user, request=request)


@receiver(user_login_failed)
def on_login_failed(sender, credentials, request=None, **kwargs):
    username = str(credentials.get("username", ""))[:150]
    audit(action=AuditAction.LOGIN_FAILED, request=request, detail={"username": username})
