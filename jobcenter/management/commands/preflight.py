"""Check that PostgreSQL and Redis answer, and create the database if it is missing."""

import psycopg
import redis
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from psycopg import sql

POSTGRES_HINT = (
    "Start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start "
    "(or point DATABASE_URL at a running server)."
)
REDIS_HINT = (
    'Start it with: redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" '
    "--appendonly no (or point REDIS_URL at a running server)."
)


def _conninfo(db: dict, name: str) -> dict:
    params = {
        "dbname": name,
        "host": db.get("HOST") or None,
        "port": db.get("PORT") or None,
        "user": db.get("USER") or None,
        "password": db.get("PASSWORD") or None,
        "connect_timeout": 5,
    }
    return {key: value for key, value in params.items() if value is not None}


class Command(BaseCommand):
    help = "Check PostgreSQL and Redis; create the database named by DATABASE_URL if missing."

    def add_arguments(self, parser):
        parser.add_argument("--no-create", action="store_true", help="Only check, create nothing.")

    def handle(self, *args, **options):
        db = settings.DATABASES["default"]
        name = db["NAME"]
        try:
            with psycopg.connect(**_conninfo(db, "postgres"), autocommit=True) as conn:
                exists = conn.execute(
                    "SELECT 1 FROM pg_database WHERE datname = %s", [name]
                ).fetchone()
                if not exists and not options["no_create"]:
                    conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
                    self.stdout.write(f"Created database {name}.")
        except psycopg.OperationalError as exc:
            raise CommandError(
                f"PostgreSQL is unreachable ({exc.__class__.__name__}). {POSTGRES_HINT}"
            ) from exc
        try:
            redis.Redis.from_url(settings.REDIS_URL, socket_connect_timeout=3).ping()
        except redis.RedisError as exc:
            raise CommandError(
                f"Redis is unreachable at {settings.REDIS_URL} ({exc.__class__.__name__}). "
                f"{REDIS_HINT}"
            ) from exc
        self.stdout.write(self.style.SUCCESS("PostgreSQL and Redis are reachable."))
