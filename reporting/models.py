"""Models of the reporting app (added by its own issue)."""
