"""Models of the compensation app (added by its own issue)."""
