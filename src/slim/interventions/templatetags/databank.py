"""What the databank holds, in counts: interventions per highest recognition level and per scheme."""

import datetime

from django import template
from django.db.models import Count

from ..models import Intervention, Recognition
from ..vocabulary import RECOGNITION, SCHEME

register = template.Library()


@register.simple_tag
def recognition_overview():
    """{total, levels: [{code, title, count}] (highest level first, then 'none'), schemes: [{code, title, count}]}.

    Each intervention counts once, at the highest level any scheme gave it; 'geen erkenning bekend'
    holds the rest. Schemes count the interventions they assessed.
    """
    by_rank = dict(Intervention.objects.values_list("recognition_rank").annotate(n=Count("id")).order_by())
    levels = [
        {"code": code, "title": entry.title, "count": by_rank.get(entry.attributes["rank"], 0)}
        for code, entry in RECOGNITION.terms.items()
        if entry.attributes.get("rank") is not None
    ]
    levels.sort(key=lambda level: -RECOGNITION.terms[level["code"]].attributes["rank"])
    levels.append({"code": None, "title": None, "count": by_rank.get(None, 0)})
    per_scheme = dict(
        Recognition.objects.values_list("scheme").annotate(n=Count("intervention", distinct=True)).order_by()
    )
    schemes = [
        {"code": code, "title": entry.title, "count": per_scheme[code]}
        for code, entry in SCHEME.terms.items()
        if per_scheme.get(code)
    ]
    return {"total": sum(by_rank.values()), "levels": levels, "schemes": schemes}


@register.filter
def iso_date(value):
    """A stored 'JJJJ-MM-DD' text as a date, so the page can show it in the reader's words ('7 december 2026')."""
    try:
        return datetime.date.fromisoformat(value)
    except (TypeError, ValueError):
        return value
