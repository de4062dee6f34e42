"""Per-user language, and a clean 503 page when the database is unreachable."""

import logging

from django.db import InterfaceError, OperationalError
from django.shortcuts import render
from django.utils import translation

logger = logging.getLogger(__name__)


class UserLanguageMiddleware:
    """A signed-in user's chosen language wins over the browser's."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        chosen = request.COOKIES.get("django_language")
        if user is not None and user.is_authenticated and not chosen:
            translation.activate(user.language)
            request.LANGUAGE_CODE = user.language
        return self.get_response(request)


class DatabaseUnavailableMiddleware:
    """Turn a lost database connection into a 503 page instead of a 500."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, OperationalError | InterfaceError):
            logger.error("Database unavailable: %s", exception.__class__.__name__)
            response = render(None, "503.html", status=503)
            response["Retry-After"] = "30"
            return response
        return None
