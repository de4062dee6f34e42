"""Models of the matching app (added by its own issue)."""
