"""Figures over other apps' tables: skipped cleanly while those apps' models are absent;
the employer figure (Employer is on main) computed on a hand-built set."""

import datetime as dt
from collections import Counter

import pytest
from django.apps import apps

from matching.models import Employer
from reporting.figures import Period, ReportScope, all_figures, compute, get_figure
from reporting.sources.compensation import weighted_median
from reporting.sources.employers import inclusion
from reporting.targets import get_metric

pytestmark = pytest.mark.django_db
PERIOD = Period(dt.date(2026, 1, 1), dt.date(2026, 12, 31))

GUARDED = {
    "screened_within_14_days": ("screening", "Screening"),
    "applications_per_scheme": ("compensation", "Grant"),
    "decision_times": ("compensation", "Application"),
    "matching_pipeline": ("matching", "Match"),
    "retention": ("matching", "Match"),
}


def _installed(app_label, model):
    try:
        apps.get_model(app_label, model)
    except LookupError:
        return False
    return True


@pytest.mark.parametrize("key", sorted(GUARDED))
def test_a_guarded_figure_is_skipped_without_its_model(key, team):
    if _installed(*GUARDED[key]):
        pytest.skip("the source app is installed")
    scope = ReportScope(teams=[team], period=PERIOD)
    assert compute(get_figure(key), scope) is None


@pytest.mark.parametrize("key", ["screened_within_14_days", "hirings", "grants"])
def test_a_guarded_target_metric_is_registered(key):
    assert get_metric(key) is not None


def test_every_figure_is_registered_once_with_a_title():
    keys = [figure.key for figure in all_figures()]
    assert len(keys) == len(set(keys))
    assert {"first_contacts", "caseload", "overdue_deadlines", *GUARDED} <= set(keys)


def test_employers_with_an_inclusion_profile(team, jobcenter, outsider):
    def employer(cvr, **profile):
        return Employer.objects.create(jobcenter=jobcenter, cvr=cvr, name=cvr, **profile)

    employer("10000001", open_to_hiring=True, knows_schemes=True)
    employer("10000002", open_to_hiring=False, knows_schemes=False)
    employer("10000003", open_to_hiring=None, knows_schemes=True)
    employer("10000004")
    other = outsider.memberships.get().team.jobcenter
    Employer.objects.create(jobcenter=other, cvr="10000005", name="x", open_to_hiring=True)

    data = inclusion(ReportScope(teams=[team], period=PERIOD))

    # 4 employers; 2 with a profile (50 %); 1 open; 2 know the schemes (50 %).
    assert data.rows == [["Jobcenter Testby", 4, 2, 50.0, 1, 2, 50.0]]


@pytest.mark.parametrize(
    ("counts", "median"),
    [({}, None), ({3: 1}, 3.0), ({1: 1, 5: 1}, 3.0), ({2: 2, 9: 1}, 2.0), ({1: 2, 4: 2}, 2.5)],
)
def test_weighted_median(counts, median):
    assert weighted_median(Counter(counts)) == median
