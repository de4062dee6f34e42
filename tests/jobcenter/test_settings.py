import os
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.fernet import Fernet
from django.core.exceptions import ImproperlyConfigured

from jobcenter import env

ROOT = Path(__file__).resolve().parents[2]


def production_env(**overrides) -> dict:
    base = {
        key: value
        for key, value in os.environ.items()
        if key
        not in {
            "DEBUG",
            "SECRET_KEY",
            "FIELD_ENCRYPTION_KEYS",
            "CPR_LOOKUP_KEY",
            "DJANGO_ALLOW_ASYNC_UNSAFE",  # set for the browser tests only
        }
    }
    base.update(
        DEBUG="0",
        TESTING="0",
        SECRET_KEY="x" * 20 + "production-secret-key-with-enough-entropy-0123456789",
        ALLOWED_HOSTS="jobcenter.example.dk",
        FIELD_ENCRYPTION_KEYS=Fernet.generate_key().decode(),
        CPR_LOOKUP_KEY="lookup-key-for-the-test-0123456789",
    )
    base.update(overrides)
    return base


def manage(*args, **env_overrides) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=production_env(**env_overrides),
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean_with_production_settings():
    result = manage("check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_hashes_passwords_with_argon2():
    result = manage(
        "shell", "-c", "from django.conf import settings; print(settings.PASSWORD_HASHERS[0])"
    )
    assert (
        result.stdout.strip().splitlines()[-1] == "django.contrib.auth.hashers.Argon2PasswordHasher"
    )


def test_secret_key_is_required_when_debug_is_off():
    result = manage("check", SECRET_KEY="")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_encryption_keys_are_required_when_debug_is_off():
    result = manage("check", FIELD_ENCRYPTION_KEYS="")
    assert result.returncode != 0
    assert "FIELD_ENCRYPTION_KEYS" in result.stderr


def test_env_helpers_fail_loudly(monkeypatch, tmp_path):
    monkeypatch.setenv("SOME_FLAG", "maybe")
    with pytest.raises(ImproperlyConfigured):
        env.env_bool("SOME_FLAG", False)
    monkeypatch.setenv("SOME_NUMBER", "ten")
    with pytest.raises(ImproperlyConfigured):
        env.env_int("SOME_NUMBER", 1)
    secret = tmp_path / "secret"
    secret.write_text("from-a-file\n")
    monkeypatch.setenv("SOME_SECRET_FILE", str(secret))
    assert env.env_str("SOME_SECRET") == "from-a-file"
    monkeypatch.setenv("SOME_LIST", "a, b,,c")
    assert env.env_list("SOME_LIST") == ["a", "b", "c"]
