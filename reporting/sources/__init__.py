"""Figures over other apps' tables, one module per app.

Each is guarded: the model is looked up with ``apps.get_model`` when the figure runs, so a
missing app (or a renamed field: ``FieldError``) skips the figure instead of breaking the
report. The field names are the contract as announced; adjust them here after a merge.
"""
