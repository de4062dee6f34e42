"""Create (or top up) the demo jobcenter, its users and data. Safe to run repeatedly."""

import importlib
import os

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from tqdm import tqdm

from jobcenter import demo

# Apps that add their own demo data provide ``<app>.demo.seed(context, counts, progress)``.
APP_SEEDERS = ("matching", "screening", "compensation", "reporting")


class Command(BaseCommand):
    help = "Load demo data: one jobcenter, two teams, the demo users and some citizens."

    def add_arguments(self, parser):
        parser.add_argument("--citizens", type=int, default=40)
        parser.add_argument("--employers", type=int, default=15)
        parser.add_argument("--vacancies", type=int, default=30)
        parser.add_argument("--applications", type=int, default=12)
        parser.add_argument("--force", action="store_true", help="Run even when DEBUG is off.")

    def handle(self, *args, **options):
        if not settings.DEBUG and not options["force"]:
            raise CommandError(
                "seed_demo refuses to run with DEBUG off; add --force if you mean it."
            )
        password = os.environ.get("DEMO_PASSWORD", "demo-password-1")
        with transaction.atomic():
            jobcenter, teams = demo.demo_jobcenter()
            users = demo.demo_users(teams, password)
        brokers = [users["caseworker1"], users["caseworker2"]]
        with self._progress("citizens", options["citizens"]) as bar:
            created = demo.demo_citizens(
                jobcenter, teams, brokers, options["citizens"], progress=bar.update
            )
        self.stdout.write(f"Citizens created: {created}")
        demo.demo_deadlines(brokers)
        context = {"jobcenter": jobcenter, "teams": teams, "users": users}
        for app in APP_SEEDERS:
            try:
                module = importlib.import_module(f"{app}.demo")
            except ModuleNotFoundError:
                continue
            module.seed(context, options, self._progress)
        self.stdout.write(self.style.SUCCESS("Demo data ready."))

    def _progress(self, label: str, total: int):
        # A bar only for large counts; small runs stay quiet.
        return tqdm(total=total, desc=label, disable=total < 1000, file=self.stderr._out)
