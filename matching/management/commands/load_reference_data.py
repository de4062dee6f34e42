"""Reload postcodes, DISCO-08 groups and skills from matching/data (idempotent)."""

from django.core.management.base import BaseCommand

from matching.reference_data import load_all


class Command(BaseCommand):
    help = "Load or update the matching reference data (postcodes, DISCO-08, skills)."

    def handle(self, *args, **options):
        counts = load_all()
        self.stdout.write(", ".join(f"{key}: {value}" for key, value in counts.items()))
