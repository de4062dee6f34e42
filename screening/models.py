"""Models of the screening app (added by its own issue)."""
