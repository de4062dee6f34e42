"""The answer to a locked-out sign-in: JSON 429 for the API, a page for people."""

from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _


def lockout_response(request, response=None, credentials=None, *args, **kwargs):
    if request.path.startswith("/api/"):
        return JsonResponse(
            {
                "detail": _("Too many failed sign-ins. Try again later."),
                "code": "locked_out",
            },
            status=429,
        )
    return render(request, "registration/locked_out.html", status=429)
