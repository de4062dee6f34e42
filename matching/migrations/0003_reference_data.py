from django.contrib.postgres.operations import CreateExtension
from django.db import migrations


def load(apps, schema_editor):
    from matching.reference_data import load_all

    load_all(apps)


class Migration(migrations.Migration):
    dependencies = [("matching", "0002_vacancies_profiles_matches")]

    operations = [
        # intarray: fast intersection of skill-id arrays in the SQL scoring.
        CreateExtension("intarray"),
        migrations.RunPython(load, migrations.RunPython.noop),
    ]
