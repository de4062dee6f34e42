"""Load the reference data files in matching/data (postcodes, DISCO-08, skills).

Used by migration 0003 and by ``manage.py load_reference_data`` (safe to re-run: rows are
upserted by their code).
"""

from __future__ import annotations

import csv
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"


def read_rows(name: str) -> list[dict[str, str]]:
    with open(DATA_DIR / name, encoding="utf-8") as handle:
        lines = [line for line in handle if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter=";"))


def load_all(apps=None) -> dict[str, int]:
    if apps is None:
        from django.apps import apps as global_apps

        apps = global_apps
    postcode = apps.get_model("matching", "Postcode")
    occupation = apps.get_model("matching", "Occupation")
    skill = apps.get_model("matching", "Skill")
    postcodes = [
        postcode(
            code=row["code"],
            name=row["name"],
            municipality_code=row["municipality"],
            latitude=float(row["lat"]),
            longitude=float(row["lon"]),
        )
        for row in read_rows("postcodes.csv")
    ]
    postcode.objects.bulk_create(
        postcodes,
        update_conflicts=True,
        unique_fields=["code"],
        update_fields=["name", "municipality_code", "latitude", "longitude"],
    )
    occupations = [
        occupation(
            code=row["code"],
            title_da=row["title_da"],
            title_en=row["title_en"],
            level=min(len(row["code"]), 4),
        )
        for row in read_rows("disco08.csv")
    ]
    occupation.objects.bulk_create(
        occupations,
        update_conflicts=True,
        unique_fields=["code"],
        update_fields=["title_da", "title_en", "level"],
    )
    skills = [
        skill(id=int(row["id"]), title_da=row["label_da"], title_en=row["label_en"])
        for row in read_rows("skills.csv")
    ]
    skill.objects.bulk_create(
        skills, update_conflicts=True, unique_fields=["id"], update_fields=["title_da", "title_en"]
    )
    return {"postcodes": len(postcodes), "occupations": len(occupations), "skills": len(skills)}
