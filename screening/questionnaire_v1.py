"""Version 1 of the screening questionnaire, as data (seeded by migration 0002).

FROZEN: screenings taken with version 1 point at the copy stored in the database. To
change the questionnaire, add a new version (admin or a new migration); never edit this.
The WG-SS wording follows the Washington Group's published short set and enhanced set;
the Danish text is the product's own (there is no official Danish translation).
"""

WG_SCALE = [
    ["none", "No – no difficulty", "Nej – ingen vanskeligheder"],
    ["some", "Yes – some difficulty", "Ja – nogle vanskeligheder"],
    ["a_lot", "Yes – a lot of difficulty", "Ja – store vanskeligheder"],
    ["cannot", "Cannot do at all", "Kan slet ikke"],
    ["refused", "Refused to answer", "Ønsker ikke at svare"],
    ["dont_know", "Don't know", "Ved ikke"],
]
FREQUENCY = [
    ["daily", "Daily", "Dagligt"],
    ["weekly", "Weekly", "Ugentligt"],
    ["monthly", "Monthly", "Månedligt"],
    ["few_times_a_year", "A few times a year", "Nogle få gange om året"],
    ["never", "Never", "Aldrig"],
    ["refused", "Refused to answer", "Ønsker ikke at svare"],
    ["dont_know", "Don't know", "Ved ikke"],
]
LEVEL = [
    ["a_little", "A little", "Lidt"],
    ["in_between", "Somewhere in between a little and a lot", "Et sted midt imellem"],
    ["a_lot", "A lot", "Meget"],
    ["refused", "Refused to answer", "Ønsker ikke at svare"],
    ["dont_know", "Don't know", "Ved ikke"],
]
YES_NO = [
    ["yes", "Yes", "Ja"],
    ["no", "No", "Nej"],
    ["dont_know", "Don't know", "Ved ikke"],
]
ACCOMMODATIONS = [
    ["flexible_hours", "Flexible hours", "Fleksible arbejdstider"],
    ["reduced_hours", "Reduced hours", "Nedsat tid"],
    ["extra_breaks", "Extra breaks", "Ekstra pauser"],
    ["quiet_workspace", "Quiet workspace", "Roligt arbejdsmiljø"],
    ["step_free_access", "Step-free access", "Niveaufri adgang"],
    ["adapted_workstation", "Adapted workstation", "Indrettet arbejdsplads"],
    ["assistive_technology", "Assistive technology", "Hjælpeteknologi"],
    [
        "interpretation",
        "Sign-language or written interpretation",
        "Tegnsprogs- eller skrivetolkning",
    ],
    ["personal_assistance", "Personal assistance", "Personlig assistance"],
    ["mentor", "Mentor", "Mentor"],
    ["written_instructions", "Clear written instructions", "Tydelige skriftlige instruktioner"],
    ["other", "Other", "Andet"],
]


def _q(key, kind, en, da, choices=None, required=False):
    item = {"key": key, "kind": kind, "text": {"en": en, "da": da}, "required": required}
    if choices is not None:
        item["choices"] = [{"value": v, "en": e, "da": d} for v, e, d in choices]
    return item


DEFINITION = {
    "sections": [
        {
            "key": "wg_ss",
            "title": {
                "en": "Functioning (Washington Group Short Set)",
                "da": "Funktionsevne (Washington Group, kort sæt)",
            },
            "preamble": {
                "en": "The next questions ask about difficulties you may have doing certain "
                "activities because of a health problem.",
                "da": "De næste spørgsmål handler om vanskeligheder, du måske har med at gøre "
                "bestemte ting på grund af et helbredsproblem.",
            },
            "questions": [
                _q(
                    "seeing",
                    "scale",
                    "Do you have difficulty seeing, even if wearing glasses?",
                    "Har du vanskeligt ved at se, også når du bruger briller?",
                    WG_SCALE,
                    True,
                ),
                _q(
                    "hearing",
                    "scale",
                    "Do you have difficulty hearing, even if using a hearing aid?",
                    "Har du vanskeligt ved at høre, også når du bruger høreapparat?",
                    WG_SCALE,
                    True,
                ),
                _q(
                    "mobility",
                    "scale",
                    "Do you have difficulty walking or climbing steps?",
                    "Har du vanskeligt ved at gå eller gå på trapper?",
                    WG_SCALE,
                    True,
                ),
                _q(
                    "cognition",
                    "scale",
                    "Do you have difficulty remembering or concentrating?",
                    "Har du vanskeligt ved at huske eller koncentrere dig?",
                    WG_SCALE,
                    True,
                ),
                _q(
                    "self_care",
                    "scale",
                    "Do you have difficulty (with self-care such as) washing all over or dressing?",
                    "Har du vanskeligt ved (personlig pleje som) at vaske dig over det hele "
                    "eller klæde dig på?",
                    WG_SCALE,
                    True,
                ),
                _q(
                    "communication",
                    "scale",
                    "Using your usual language, do you have difficulty communicating, for "
                    "example understanding or being understood?",
                    "Når du bruger dit sædvanlige sprog, har du så vanskeligt ved at "
                    "kommunikere, for eksempel at forstå andre eller blive forstået?",
                    WG_SCALE,
                    True,
                ),
            ],
        },
        {
            "key": "wg_enhanced",
            "title": {
                "en": "Upper body and feelings (Washington Group Enhanced)",
                "da": "Arme, hænder og følelser (Washington Group, udvidet sæt)",
            },
            "questions": [
                _q(
                    "upper_body_lift",
                    "scale",
                    "Do you have difficulty raising a 2 litre bottle of water or soda from "
                    "waist to eye level?",
                    "Har du vanskeligt ved at løfte en 2-liters flaske vand fra taljehøjde "
                    "op til øjenhøjde?",
                    WG_SCALE,
                ),
                _q(
                    "upper_body_hands",
                    "scale",
                    "Do you have difficulty using your hands and fingers, such as picking up "
                    "small objects, for example, a button or pencil, or opening or closing "
                    "containers or bottles?",
                    "Har du vanskeligt ved at bruge dine hænder og fingre, for eksempel at "
                    "samle små ting op som en knap eller en blyant, eller at åbne og lukke "
                    "beholdere eller flasker?",
                    WG_SCALE,
                ),
                _q(
                    "anxiety_frequency",
                    "frequency",
                    "How often do you feel worried, nervous or anxious?",
                    "Hvor ofte føler du dig bekymret, nervøs eller angst?",
                    FREQUENCY,
                ),
                _q(
                    "anxiety_level",
                    "level",
                    "Thinking about the last time you felt worried, nervous or anxious, how "
                    "would you describe the level of these feelings?",
                    "Tænk på sidste gang, du følte dig bekymret, nervøs eller angst. Hvor "
                    "stærke var de følelser?",
                    LEVEL,
                ),
                _q(
                    "depression_frequency",
                    "frequency",
                    "How often do you feel depressed?",
                    "Hvor ofte føler du dig nedtrykt?",
                    FREQUENCY,
                ),
                _q(
                    "depression_level",
                    "level",
                    "Thinking about the last time you felt depressed, how depressed did you feel?",
                    "Tænk på sidste gang, du følte dig nedtrykt. Hvor nedtrykt følte du dig?",
                    LEVEL,
                ),
            ],
        },
        {
            "key": "work",
            "title": {"en": "Work and education", "da": "Arbejde og uddannelse"},
            "questions": [
                _q(
                    "impairment_matters",
                    "choice",
                    "Does a physical or mental impairment or illness matter for which jobs or "
                    "education you can take?",
                    "Har en fysisk eller psykisk funktionsnedsættelse eller sygdom betydning "
                    "for, hvilke job eller uddannelser du kan tage?",
                    YES_NO,
                ),
                _q(
                    "hard_tasks",
                    "text",
                    "Which work tasks are hard for you?",
                    "Hvilke arbejdsopgaver er svære for dig?",
                ),
                _q(
                    "hours_per_week",
                    "hours",
                    "How many hours a week can you work now?",
                    "Hvor mange timer om ugen kan du arbejde nu?",
                ),
                _q(
                    "earlier_aids",
                    "text",
                    "Which aids or schemes have you had before?",
                    "Hvilke hjælpemidler eller ordninger har du haft før?",
                ),
                _q(
                    "newly_educated",
                    "choice",
                    "Have you finished an education of at least 18 months within the last two "
                    "years, without work experience in the field?",
                    "Har du inden for de sidste to år afsluttet en uddannelse på mindst 18 "
                    "måneder uden erhvervserfaring inden for faget?",
                    YES_NO,
                ),
                _q(
                    "expects_sickness_absence",
                    "choice",
                    "Do you expect a chronic or long-term illness to cause at least 10 days "
                    "of absence a year?",
                    "Forventer du, at en kronisk eller langvarig sygdom giver mindst 10 "
                    "fraværsdage om året?",
                    YES_NO,
                ),
                _q(
                    "seeks_public_jobs",
                    "choice",
                    "Are you applying for jobs with public employers?",
                    "Søger du job hos offentlige arbejdsgivere?",
                    YES_NO,
                ),
                _q(
                    "accommodations",
                    "multi",
                    "Which accommodations would you need at work?",
                    "Hvilke tilpasninger ville du have brug for på arbejdet?",
                    ACCOMMODATIONS,
                ),
                _q(
                    "barriers",
                    "text",
                    "Other barriers to work or education",
                    "Andre barrierer for arbejde eller uddannelse",
                ),
                _q(
                    "consent",
                    "consent",
                    "The citizen consents to sharing the accommodation needs (not diagnoses "
                    "or answers) with employers and company consultants.",
                    "Borgeren giver samtykke til, at behovet for tilpasninger (ikke diagnoser "
                    "eller svar) deles med arbejdsgivere og virksomhedskonsulenter.",
                ),
            ],
        },
    ]
}
