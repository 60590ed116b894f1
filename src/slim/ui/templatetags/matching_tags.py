"""Show the engine's explanation: which words in a statement triggered what."""

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from slim.core import Logic
from slim.core.intake import questions
from slim.core.knowledge import conversation_title, life_domains, logic_title
from slim.ui.templatetags.slim_text import loc

register = template.Library()

# The engine's axis values in the professional's words (slim.md §2: willen and kunnen).
AXIS_LABELS = {
    "system": _("het gewone doel van de systeemwereld"),
    "own": _("een eigen doel"),
    "able": _("kan het zelf"),
    "not_yet": _("kan het nog niet"),
    "overloaded": _("overbelast: kan nu niet zelf sturen"),
    "unclear": _("nog niet duidelijk"),
}


AXIS_NAMES = {"direction": _("willen"), "capacity": _("kunnen")}
SOURCE_NAMES = {"answer": _("antwoord op de draaischijf"), "statements": _("uitspraken")}


@register.filter
def axis_sources(sources):
    """Where an axis reading came from, in words: 'antwoord op de draaischijf, uitspraken'."""
    return ", ".join(str(SOURCE_NAMES.get(source, source)) for source in sources)


@register.filter
def axis_label(value):
    """'not_yet' reads as 'kan het nog niet'; an unknown value is shown as it is."""
    return AXIS_LABELS.get(getattr(value, "value", value), value)


@register.simple_tag
def highlight(text, signals, statement=None):
    """The statement with every matched term wrapped in <mark>, its explanation as title."""
    spans = sorted(
        (s for s in signals if s.get("source") == "statement" and s.get("statement") == statement),
        key=lambda s: s["start"],
    )
    html, position = [], 0
    for signal in spans:
        if signal["start"] < position:
            continue  # overlapping match: the earlier one is already marked
        html.append(escape(text[position:signal["start"]]))
        html.append(
            f'<mark class="signal" title="{escape(loc(signal["explanation"]))}">'
            f"{escape(text[signal['start']:signal['end']])}</mark>"
        )
        position = signal["end"]
    html.append(escape(text[position:]))
    return mark_safe("".join(html))


@register.filter
def logic_name(code):
    if not code:
        return "–"
    return loc(logic_title(Logic(code)))


@register.filter
def domain_name(code):
    title = life_domains().get(code)
    return loc(title) if title else code


@register.filter
def answer_label(signal):
    """A draaischijf answer in the words the intake offered ('Ik wil het, maar ik kan het nog niet'), not its code."""
    question = questions().get(signal.get("question"))
    answer = question.answers.get(signal.get("answer")) if question else None
    return loc(answer.label) if answer else signal.get("answer", "")


@register.filter
def conversation_name(number):
    return loc(conversation_title(int(number))) if number else ""


@register.filter
def signal_target(signal):
    """'kansen' or 'kunnen: overbelast' style label for one signal."""
    if signal.get("logic"):
        return logic_name(signal["logic"])
    return f"{AXIS_NAMES.get(signal.get('axis'), signal.get('axis'))}: {axis_label(signal.get('axis_value'))}"


@register.filter
def percent(value):
    return f"{round(float(value or 0) * 100)}%"


@register.filter
def get_item(mapping, key):
    return mapping.get(key)
