from django.urls import NoReverseMatch, reverse

from jobcenter.navigation import items_for


def navigation(request) -> dict:
    user = getattr(request, "user", None)
    if user is None:
        return {"nav_items": []}
    entries = []
    for item in items_for(user):
        try:
            url = reverse(item.url_name)
        except NoReverseMatch:
            continue
        active = request.path == url if url == "/" else request.path.startswith(url)
        entries.append({"label": item.label, "url": url, "icon": item.icon, "active": active})
    return {"nav_items": entries}
