"""Run the reminder pass once: for sites that use cron instead of Celery beat."""

from django.core.management.base import BaseCommand

from jobcenter import reminder_sending, reminders


class Command(BaseCommand):
    help = "Create the reminders of deadlines entering a stage and queue (or send) them."

    def add_arguments(self, parser):
        parser.add_argument(
            "--sync",
            action="store_true",
            help="Send in this process instead of queueing to the Celery workers.",
        )

    def handle(self, *args, sync: bool = False, **options):
        kwargs = {}
        if sync:

            def send_now(ids: list[int]) -> int:
                for start in range(0, len(ids), 500):
                    reminder_sending.send_batch(ids[start : start + 500])
                return len(ids)

            def digests_now(user_ids) -> None:
                for user_id in user_ids:
                    reminder_sending.send_digest(user_id)

            kwargs = {"queue": send_now, "queue_digest": digests_now}
        result = reminders.run_pass(**kwargs)
        self.stdout.write(
            f"{len(result.created)} reminders created, {len(result.requeued)} requeued, "
            f"{result.stale} stale claims reset, {len(result.digests)} digests, "
            f"{result.duration_ms} ms"
        )
