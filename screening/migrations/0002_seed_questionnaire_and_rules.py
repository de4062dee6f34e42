"""Seed questionnaire version 1 and the first suggestion rules (admins edit them later)."""

from django.db import migrations

# scheme, question, values, reason (Danish), reason (English)
RULES = [
    ("assistive_aids", "hearing", ["a_lot", "cannot"],
     "Store vanskeligheder med at høre: hjælpemidler som teleslynge eller tekstning.",
     "A lot of difficulty hearing: assistive aids such as a hearing loop or captioning."),
    ("personal_assistance", "hearing", ["a_lot", "cannot"],
     "Store vanskeligheder med at høre: personlig assistance til tolkning.",
     "A lot of difficulty hearing: personal assistance for interpretation."),
    ("assistive_aids", "seeing", ["a_lot", "cannot"],
     "Store vanskeligheder med at se: hjælpemidler som skærmlæser eller forstørrelse.",
     "A lot of difficulty seeing: assistive aids such as a screen reader or magnifier."),
    ("mentor", "cognition", ["some", "a_lot", "cannot"],
     "Vanskeligheder med at huske eller koncentrere sig: en mentor kan give struktur.",
     "Difficulty remembering or concentrating: a mentor can give structure."),
    ("personal_assistance", "cognition", ["a_lot", "cannot"],
     "Store vanskeligheder med at huske eller koncentrere sig: personlig assistance.",
     "A lot of difficulty remembering or concentrating: personal assistance."),
    ("assistive_aids", "mobility", ["some", "a_lot", "cannot"],
     "Vanskeligheder med at gå eller gå på trapper: hjælpemidler og indretning af "
     "arbejdspladsen.",
     "Difficulty walking or climbing steps: assistive aids and workplace adaptation."),
    ("transport", "mobility", ["a_lot", "cannot"],
     "Store vanskeligheder med at gå: merudgifter til befordring kan dækkes.",
     "A lot of difficulty walking: extra transport costs can be covered."),
    ("assistive_aids", "upper_body_hands", ["a_lot", "cannot"],
     "Store vanskeligheder med hænder og fingre: tilpasset arbejdsplads og hjælpemidler.",
     "A lot of difficulty using hands and fingers: adapted workstation and aids."),
    ("personal_assistance", "self_care", ["a_lot", "cannot"],
     "Store vanskeligheder med personlig pleje: personlig assistance ved opgaver uden for "
     "jobbets kerne.",
     "A lot of difficulty with self-care: personal assistance with tasks beside the core job."),
    ("icebreaker", "newly_educated", ["yes"],
     "Nyuddannet inden for to år uden erhvervserfaring i faget: isbryderordning.",
     "Newly educated within two years without experience in the field: icebreaker scheme."),
    ("sickness_refund_56", "expects_sickness_absence", ["yes"],
     "Forventet sygefravær på mindst 10 dage om året: § 56-aftale med arbejdsgiveren.",
     "Expected sickness absence of at least 10 days a year: § 56 agreement with the employer."),
    ("priority_access", "seeks_public_jobs", ["yes"],
     "Søger job hos offentlige arbejdsgivere: fortrinsadgang til samtale.",
     "Applying for public jobs: priority access to an interview."),
    ("personal_assistance", "accommodations", ["personal_assistance", "interpretation"],
     "Har brug for personlig assistance eller tolkning på arbejdet.",
     "Needs personal assistance or interpretation at work."),
    ("mentor", "accommodations", ["mentor"],
     "Har brug for en mentor på arbejdet.",
     "Needs a mentor at work."),
    ("assistive_aids", "accommodations", ["adapted_workstation", "assistive_technology"],
     "Har brug for tilpasset arbejdsplads eller hjælpemidler.",
     "Needs an adapted workstation or assistive technology."),
]


def seed(apps, schema_editor):
    from screening.questionnaire_v1 import DEFINITION

    Questionnaire = apps.get_model("screening", "Questionnaire")
    SuggestionRule = apps.get_model("screening", "SuggestionRule")
    Questionnaire.objects.get_or_create(
        version=1, defaults={"name": "Screening ved første samtale", "definition": DEFINITION}
    )
    if not SuggestionRule.objects.exists():
        SuggestionRule.objects.bulk_create(
            SuggestionRule(
                scheme_code=code, question=question, values=values,
                reason_da=reason_da, reason_en=reason_en, order=10 * (index + 1),
            )
            for index, (code, question, values, reason_da, reason_en) in enumerate(RULES)
        )


class Migration(migrations.Migration):
    dependencies = [("screening", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
