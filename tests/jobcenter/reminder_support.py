"""Helpers of the reminder tests: stage configuration, a real Celery worker, a mailbox on disk."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import redis
from django.conf import settings
from django.db import connection
from django.utils import timezone

from jobcenter.models import DeadlineKind, StageConfig
from jobcenter.reminder_models import DEFAULT_STAGES

ROOT = Path(__file__).resolve().parents[2]


def seed_stages() -> None:
    """The data migration's rows (transactional tests flush them away)."""
    for kind in DeadlineKind.values:
        for stage, (offset, working, owner, caseworker, leads) in DEFAULT_STAGES.items():
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


def local(*args) -> dt.datetime:
    return timezone.make_aware(dt.datetime(*args))


def flush_broker() -> None:
    """Drop queued and unacknowledged task messages left by earlier runs (not the whole db)."""
    client = redis.Redis.from_url(settings.CELERY_BROKER_URL)
    queues = ["celery"] + [f"celery\x06\x16{step}" for step in range(1, 10)]
    client.delete(*queues, "unacked", "unacked_index", "unacked_mutex")


class Mailbox:
    """The worker's file-based e-mail backend writes here; one Message-ID line per mail."""

    def __init__(self, path: Path):
        self.path = path
        path.mkdir(parents=True, exist_ok=True)

    def clear(self) -> None:
        for file in self.path.iterdir():
            file.unlink()

    def texts(self) -> list[str]:
        return [f.read_text(errors="replace") for f in sorted(self.path.glob("*.log"))]

    def count(self) -> int:
        lines = (line for text in self.texts() for line in text.splitlines())
        return sum(1 for line in lines if line.startswith("Message-ID:"))

    def wait_for(self, count: int, timeout: float = 30.0) -> int:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.count() >= count:
                return self.count()
            time.sleep(0.2)
        return self.count()

    def settle(self, seconds: float = 2.0) -> int:
        """Wait a little longer, so a second (wrong) mail would have time to show up."""
        time.sleep(seconds)
        return self.count()


class Worker:
    """``python -m celery -A jobcenter worker`` against the test database and our Redis db."""

    def __init__(self, mail_dir: Path, log_dir: Path, **env: str):
        self.mail_dir, self.log_path = mail_dir, log_dir / f"worker-{uuid.uuid4().hex[:8]}.log"
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "jobcenter.settings",
            "DATABASE_URL": f"postgres:///{connection.settings_dict['NAME']}",
            "DATABASE_CONN_MAX_AGE": "0",
            "REDIS_URL": settings.REDIS_URL,
            "TESTING": "1",
            "EMAIL_BACKEND": "tests.jobcenter.slow_mail.EmailBackend",
            "EMAIL_FILE_PATH": str(mail_dir),
            "SITE_URL": "https://jobcenter.example.dk",
            **env,
        }
        self.process: subprocess.Popen | None = None

    def start(self, timeout: float = 60.0) -> Worker:
        log = open(self.log_path, "wb")  # noqa: SIM115 (closed with the process)
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "jobcenter",
                "worker",
                "-P",
                "solo",
                "-l",
                "info",
                "--without-heartbeat",
                "--without-gossip",
                "--without-mingle",
                "-n",
                f"test-{uuid.uuid4().hex[:8]}@%h",
            ],
            cwd=ROOT,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if b" ready." in self.log_path.read_bytes():
                return self
            if self.process.poll() is not None:
                break
            time.sleep(0.2)
        output = self.log_path.read_text(errors="replace")
        self.stop()
        raise RuntimeError(f"The Celery worker did not start:\n{output[-3000:]}")

    def kill(self) -> None:
        """kill -9: no warm shutdown, no ack, no chance to mark anything."""
        if self.process and self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.kill()

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")
