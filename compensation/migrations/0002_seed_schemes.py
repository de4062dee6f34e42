"""Seed the scheme catalogue of DOMAIN.md. Admins edit it afterwards (laws change).

Processing deadlines are working days converted from the example defaults: 4 weeks = 20,
2 weeks = 10, 1 month = 21, 6 weeks = 30, 2 months = 42, 6 months = 126.
"""

import datetime as dt

from django.db import migrations

FROM = dt.date(2000, 1, 1)

SCHEMES = [
    {
        "code": "personal_assistance",
        "name_da": "Personlig assistance",
        "name_en": "Personal assistance",
        "description_da": (
            "Hjælp til opgaver ved siden af jobbets kerneopgaver for personer med varig og "
            "betydelig fysisk eller psykisk funktionsnedsættelse. Udgangspunkt op til 20 timer "
            "om ugen ved 37 timers beskæftigelse, forholdsmæssigt ved færre timer; fuld tid kun "
            "i særlige tilfælde. Tidsbegrænset eller tidsubegrænset."
        ),
        "description_en": (
            "Help with tasks beside the job's core tasks for people with a lasting and "
            "significant physical or mental impairment. Baseline up to 20 hours a week at 37 "
            "hours' employment, pro rata; full time only in special cases."
        ),
        "who_applies": "Borgeren i sin bopælskommune",
        "paid_to": "Arbejdsgiveren eller den selvstændige",
        "checklist": [
            "Varig og betydelig fysisk eller psykisk funktionsnedsættelse",
            "Hjælpen vedrører opgaver ved siden af jobbets kerneopgaver",
            "Ansættelse eller selvstændig virksomhed er aftalt",
            "Timetal for ansættelsen er oplyst",
        ],
        "limits": {"max_hours_per_week": 20, "full_time_hours": 37, "employer_required": True},
        "has_employer": True,
        "fast_track_eligible": True,
        "decision_days": 20,
        "follow_up_rule": {"on_change": True},
        "follow_up_text": "Revurdering når job eller timetal ændres",
        "legal": [("Lov om kompensation til handicappede i erhverv m.v. (LKH)", "§ 4")],
    },
    {
        "code": "personal_assistance_education",
        "name_da": "Personlig assistance under efter- og videreuddannelse",
        "name_en": "Personal assistance during continuing education",
        "description_da": (
            "Personlig assistance under efter- og videreuddannelse: op til 20 timer om ugen, op "
            "til fuld tid før et konkret job. Ikke hvor SPS dækker."
        ),
        "description_en": (
            "Personal assistance during continuing education: up to 20 hours a week, up to full "
            "time before a concrete job; not where SPS covers it."
        ),
        "who_applies": "Borgeren",
        "paid_to": "Borgeren",
        "checklist": [
            "Efter- eller videreuddannelse er aftalt",
            "Specialpædagogisk støtte (SPS) dækker ikke behovet",
        ],
        "limits": {"max_hours_per_week": 20, "max_hours_before_job": 37},
        "has_employer": False,
        "fast_track_eligible": True,
        "decision_days": 20,
        "follow_up_rule": {"on_change": True},
        "follow_up_text": "Revurdering når uddannelse eller timetal ændres",
        "legal": [("LKH", "kap. 4")],
    },
    {
        "code": "assistive_aids",
        "name_da": "Hjælpemidler og arbejdspladsindretning",
        "name_en": "Assistive aids and workplace adjustments",
        "description_da": (
            "Hjælpemidler af afgørende betydning, som ikke er almindeligt arbejdspladsudstyr og "
            "går ud over, hvad arbejdsgiveren forventes at betale. Fuld udgift; som udlån "
            "(leveres tilbage når jobbet ophører) eller tilskud."
        ),
        "description_en": (
            "Aids of decisive importance, not usual workplace equipment and beyond what the "
            "employer is expected to pay; full cost; as a loan (returned when the job ends) or a "
            "subsidy."
        ),
        "who_applies": "Borgeren eller arbejdsgiveren",
        "paid_to": "Borgeren eller arbejdsgiveren",
        "checklist": [
            "Hjælpemidlet har afgørende betydning for at udføre arbejdet",
            "Det er ikke almindeligt arbejdspladsudstyr",
            "Udgiften går ud over, hvad arbejdsgiveren kan forventes at afholde",
            "Pris eller tilbud er vedlagt",
        ],
        "limits": {"forms": ["loan", "subsidy"]},
        "has_employer": True,
        "fast_track_eligible": True,
        "decision_days": 21,
        "follow_up_rule": {"loan_return_at_end": True},
        "follow_up_text": "Udlånte hjælpemidler leveres tilbage, når ansættelsen ophører",
        "legal": [
            ("LKH", "kap. 6 (§§ 15 f–15 j)"),
            ("Lov om en aktiv beskæftigelsesindsats (LAB)", "§§ 178–179 (midlertidige)"),
        ],
    },
    {
        "code": "icebreaker",
        "name_da": "Isbryderordning",
        "name_en": "Icebreaker scheme (wage subsidy for newly graduated with disabilities)",
        "description_da": (
            "Løntilskud til nyuddannede med handicap: uddannelse på mindst 18 måneder, ingen "
            "erhvervserfaring inden for området, ansættelse inden 2 år efter endt uddannelse; "
            "op til 12 måneder; fem timesatser. Private arbejdsgivere højst 75 % støtte."
        ),
        "description_en": (
            "Wage subsidy for newly graduated people with disabilities: education of at least 18 "
            "months, no work experience in the field, job within 2 years of finishing; up to 12 "
            "months; five hourly rates; private employers at most 75 % aid."
        ),
        "who_applies": "Arbejdsgiveren og borgeren",
        "paid_to": "Arbejdsgiveren",
        "checklist": [
            "Uddannelse på mindst 18 måneder",
            "Ingen erhvervserfaring inden for uddannelsesområdet",
            "Ansættelsen starter inden 2 år efter endt uddannelse",
        ],
        "limits": {
            "min_education_months": 18,
            "max_years_after_education": 2,
            "max_months": 12,
            "hourly_rates": [28.56, 50.01, 79.68, 115.73, 154.02],
            "rates_year": 2019,
            "private_max_aid_share": 0.75,
            "employer_required": True,
        },
        "has_employer": True,
        "fast_track_eligible": True,
        "decision_days": 20,
        "follow_up_rule": {"before_end_days": 14},
        "follow_up_text": "Påmindelse før ophør; besked hvis jobbet ophører før tid",
        "legal": [("LKH", "kap. 5 (§§ 15–15 b)")],
    },
    {
        "code": "priority_access",
        "name_da": "Fortrinsadgang",
        "name_en": "Priority access",
        "description_da": (
            "Selvvurderet handicap; kun offentlige arbejdsgivere. Ret til samtale; ansættes "
            "borgeren ikke, begrunder arbejdsgiveren skriftligt og afventer forhandling med "
            "jobcenteret, før stillingen besættes."
        ),
        "description_en": (
            "Self-assessed disability; public employers only; right to an interview; if not "
            "hired the employer gives written reasons and waits for a negotiation with the "
            "jobcenter before filling the post."
        ),
        "who_applies": "Borgeren",
        "paid_to": "—",
        "checklist": [
            "Stillingen er i en offentlig virksomhed",
            "Borgeren vurderer selv at have et handicap",
            "Nabojobcenteret behandler stillinger i borgerens eget jobcenter",
        ],
        "limits": {"public_employer_only": True, "employer_required": True},
        "has_employer": True,
        "fast_track_eligible": False,
        "decision_days": 20,
        "follow_up_rule": {},
        "follow_up_text": "Ansøgt → samtale → ansat, eller afslag → begrundelse → forhandling",
        "legal": [("LKH", "kapitlet om fortrinsadgang")],
    },
    {
        "code": "mentor",
        "name_da": "Mentorstøtte",
        "name_en": "Mentor support",
        "description_da": (
            "Mentor for at opnå eller fastholde job, uddannelse eller tilbud; perioder på højst "
            "6 måneder, kan forlænges."
        ),
        "description_en": (
            "A mentor to get or keep a job, education or offer; periods of at most 6 months, "
            "renewable."
        ),
        "who_applies": "Jobcenteret træffer afgørelse",
        "paid_to": "Mentorens arbejdsgiver",
        "checklist": ["Mentorens opgaver og timetal er beskrevet", "Perioden er højst 6 måneder"],
        "limits": {"max_period_months": 6},
        "has_employer": True,
        "fast_track_eligible": True,
        "decision_days": 10,
        "follow_up_rule": {"before_end_days": 14},
        "follow_up_text": "Før hver periode på 6 måneder udløber",
        "legal": [
            ("LAB", "§§ 167–171 (før ændringen)", None, dt.date(2025, 12, 31)),
            ("LAB", "§§ 167–171 (ændret 1. januar 2026)", dt.date(2026, 1, 1), None),
        ],
    },
    {
        "code": "disability_pensioner_subsidy",
        "name_da": "Løntilskud til førtidspensionister (skånejob)",
        "name_en": "Wage subsidy for disability pensioners (sheltered job)",
        "description_da": (
            "For førtidspensionister under folkepensionsalderen; tilskud pr. time (2023: 30,88 "
            "kr., op til 54,07 kr.)."
        ),
        "description_en": (
            "For people on disability pension below state-pension age; hourly subsidy (2023: "
            "30.88 DKK, up to 54.07 DKK)."
        ),
        "who_applies": "Borgeren eller arbejdsgiveren",
        "paid_to": "Arbejdsgiveren",
        "checklist": ["Borgeren modtager førtidspension", "Borgeren er under folkepensionsalderen"],
        "limits": {
            "hourly_subsidy": 30.88,
            "max_hourly_subsidy": 54.07,
            "rates_year": 2023,
            "employer_required": True,
        },
        "has_employer": True,
        "fast_track_eligible": True,
        "decision_days": 42,
        "follow_up_rule": {"first_after_months": 6, "every_months": 12},
        "follow_up_text": "Inden 6 måneder efter start, derefter mindst hver 12. måned",
        "legal": [("LAB", "kap. 12")],
    },
    {
        "code": "flex_job",
        "name_da": "Fleksjob",
        "name_en": "Flex job",
        "description_da": (
            "Varigt og væsentligt nedsat arbejdsevne; første bevilling 5 år, derefter mulighed "
            "for permanent fleksjob for borgere over 40 år."
        ),
        "description_en": (
            "Lasting and substantial reduced capacity; first grant 5 years, permanent possible "
            "after that for citizens over 40."
        ),
        "who_applies": "Borgeren (visitation)",
        "paid_to": "Arbejdsgiveren (fleksløntilskud)",
        "checklist": [
            "Varigt og væsentligt nedsat arbejdsevne",
            "Rehabiliteringsteamet har behandlet sagen",
        ],
        "limits": {"first_grant_years": 5, "permanent_min_age": 40},
        "has_employer": False,
        "fast_track_eligible": False,
        "decision_days": 126,
        "follow_up_rule": {"every_months": 30, "status_at_months": 54},
        "follow_up_text": "Hvert 2½ år; status efter 4½ år for midlertidige",
        "legal": [("LAB", "§ 116 ff.")],
    },
    {
        "code": "sickness_refund_56",
        "name_da": "§ 56-aftale",
        "name_en": "Section 56 agreement (sickness benefit refund)",
        "description_da": (
            "Kronisk eller langvarig sygdom, der ventes at give mindst 10 fraværsdage om året; "
            "skriftlig aftale mellem arbejdsgiver og medarbejder godkendt af kommunen; "
            "lægeattest LÆ 225. Løber 2 år."
        ),
        "description_en": (
            "Chronic or long-term illness expected to cause at least 10 absence days a year; "
            "written employer–employee agreement approved by the municipality; medical "
            "certificate LÆ 225; runs 2 years."
        ),
        "who_applies": "Arbejdsgiver og medarbejder sammen",
        "paid_to": "Arbejdsgiveren",
        "checklist": [
            "Forventet fravær på mindst 10 dage om året",
            "Skriftlig aftale mellem arbejdsgiver og medarbejder",
            "Lægeattest LÆ 225 er vedlagt",
        ],
        "limits": {"min_absence_days": 10, "max_agreement_months": 24, "employer_required": True},
        "has_employer": True,
        "fast_track_eligible": True,
        "decision_days": 30,
        "follow_up_rule": {"before_end_days": 30},
        "follow_up_text": "Fornyelsestjek før 2 år; ingen fornyelse ved under 10 fraværsdage",
        "legal": [
            ("Sygedagpengeloven", "§ 56"),
            ("Sygedagpengeloven", "§ 58 a (selvstændige)"),
        ],
    },
    {
        "code": "transport",
        "name_da": "Befordringsgodtgørelse / merudgifter til befordring",
        "name_en": "Transport allowance",
        "description_da": (
            "Over 24 km tur-retur; faktiske udgifter, hvor de skyldes funktionsnedsættelsen."
        ),
        "description_en": (
            "Over 24 km round trip; actual cost where needed because of the impairment."
        ),
        "who_applies": "Borgeren",
        "paid_to": "Borgeren",
        "checklist": ["Afstanden er over 24 km tur-retur", "Udgiften skyldes funktionsnedsættelsen"],
        "limits": {"min_round_trip_km": 24},
        "has_employer": False,
        "fast_track_eligible": True,
        "decision_days": 10,
        "follow_up_rule": {},
        "follow_up_text": "—",
        "legal": [("LAB", "§ 175")],
    },
]


def seed(apps, schema_editor):
    Scheme = apps.get_model("compensation", "Scheme")
    LegalBasis = apps.get_model("compensation", "LegalBasis")
    for data in SCHEMES:
        data = dict(data)
        legal = data.pop("legal")
        scheme, created = Scheme.objects.get_or_create(code=data["code"], defaults=data)
        if not created:
            continue
        for entry in legal:
            law, paragraph, valid_from, valid_to = (*entry, FROM, None)[:4]
            LegalBasis.objects.create(
                scheme=scheme,
                law=law,
                paragraph=paragraph,
                valid_from=valid_from or FROM,
                valid_to=valid_to,
            )


class Migration(migrations.Migration):
    dependencies = [("compensation", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
