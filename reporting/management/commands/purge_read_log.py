from django.conf import settings
from django.core.management.base import BaseCommand

from reporting.services import read_log_purge


class Command(BaseCommand):
    help = "Delete read-log (audit) entries older than READ_LOG_RETENTION_DAYS."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days", type=int, default=None, help="Override READ_LOG_RETENTION_DAYS."
        )

    def handle(self, *args, days=None, **options):
        counts = read_log_purge(days=days)
        used = settings.READ_LOG_RETENTION_DAYS if days is None else days
        self.stdout.write(f"Older than {used} days, deleted: {counts}")
