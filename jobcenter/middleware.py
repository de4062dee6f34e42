"""Per-user language."""

from django.utils import translation


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
