from django.conf import settings
from django.core.management.base import BaseCommand

from reporting.services import citizens_anonymise


class Command(BaseCommand):
    help = "Anonymise citizens closed for longer than CITIZEN_RETENTION_DAYS (keeps counts)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days", type=int, default=None, help="Override CITIZEN_RETENTION_DAYS."
        )

    def handle(self, *args, days=None, **options):
        counts = citizens_anonymise(days=days)
        used = settings.CITIZEN_RETENTION_DAYS if days is None else days
        self.stdout.write(f"Closed more than {used} days ago, anonymised: {counts}")
