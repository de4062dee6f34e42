"""Pages of this app (mounted by jobcenter/urls.py)."""

urlpatterns: list = []
