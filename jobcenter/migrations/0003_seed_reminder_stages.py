"""Seed the default reminder stages for every deadline kind (admins edit them later)."""

import datetime as dt

from django.db import migrations

# Frozen copy of the defaults at the time of writing: (offset, working days, owner, caseworker, leads).
DEFAULTS = {
    "upcoming": (-2, True, True, True, False),
    "due": (0, False, True, True, False),
    "overdue": (1, True, True, True, False),
    "escalated": (2, True, False, False, True),
}
KINDS = [
    "follow_up",
    "screening_follow_up",
    "application_decision",
    "grant_end",
    "grant_follow_up",
    "loan_return",
    "retention_follow_up",
    "employer_response",
    "other",
]


def seed(apps, schema_editor):
    StageConfig = apps.get_model("jobcenter", "StageConfig")
    for kind in KINDS:
        for stage, (offset, working, owner, caseworker, leads) in DEFAULTS.items():
            StageConfig.objects.get_or_create(
                kind=kind,
                stage=stage,
                defaults={
                    "offset_days": offset,
                    "working_days": working,
                    "send_time": dt.time(7, 0),
                    "to_owner": owner,
                    "to_caseworker": caseworker,
                    "to_team_leads": leads,
                },
            )


class Migration(migrations.Migration):
    dependencies = [("jobcenter", "0002_reminders")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
