"""Pages of matching: employers and vacancies (employers.py), profiles and matches (matches.py)."""
