"""The client's words: B1 texts for the questions, the pictograms and "how we help you".

Our own wording. "How we help you" follows the principle that fits the decided logic most
surely in knowledge/principles.yaml (logics with confidence high): kansen → kansen creëren,
competenties → trainen, sturing → bij de hand nemen, ondernemen → co-creëren.
"""

from django.utils.translation import gettext_lazy as _

from slim.core.knowledge import life_domains

PRINCIPLE = {"kansen": "kansen_creeren", "competenties": "trainen", "sturing": "bij_de_hand_nemen", "ondernemen": "co_creeren"}

HOW_WE_HELP = {
    "kansen": _("We helpen je vooral door deuren te openen. Je kunt het zelf. Wij zoeken de kans of de ingang."),
    "competenties": _("We helpen je vooral door samen te oefenen. Zo leer je het stap voor stap zelf."),
    "sturing": _("We helpen je vooral door even dingen van je over te nemen. Zo komt er rust. Later doe je weer meer zelf."),
    "ondernemen": _("We helpen je vooral door mee te denken over jouw eigen plan. Jij kiest de weg."),
}

# The two draaischijf questions in B1; the answer codes are those of engine/intake.yaml.
QUESTIONS = [
    ("richting", _("Wie bepaalt het doel?"), [
        ("system", "🏠", _("Ik wil wat de meeste mensen willen.")),
        ("own", "🧭", _("Ik wil het op mijn eigen manier.")),
        ("unclear", "❔", _("Dat weet ik nog niet.")),
    ]),
    ("kunnen", _("Lukt het je nu zelf?"), [
        ("able", "💪", _("Ja, dat kan ik zelf.")),
        ("not_yet", "🌱", _("Ik wil het, maar het lukt nog niet goed.")),
        ("overloaded", "🌧️", _("Er is nu te veel. Het lukt even niet.")),
        ("unclear", "❔", _("Dat weet ik niet.")),
    ]),
]
CODES = {code: {answer for answer, _icon, _label in answers} for code, _q, answers in QUESTIONS}

ICONS = {
    "werk": "💼", "inkomen_schulden": "💶", "wonen": "🏠", "gezondheid": "❤️", "sociaal_netwerk": "👥",
    "dagbesteding_onderwijs": "📚", "gezin_opvoeding": "👪",
}


def domains():
    """(code, title Text, icon) for every life domain, in file order."""
    return [(code, title, ICONS.get(code, "•")) for code, title in life_domains().items()]
