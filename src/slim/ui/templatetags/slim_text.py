"""Template filters for bilingual knowledge texts.

Texts in the data files are {nl, en} mappings; `loc` picks the reader's
language (falling back to Dutch) and `richtext` turns the plain-text body
format (blank-line paragraphs, "- " bullets) into escaped HTML.
"""

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

register = template.Library()


@register.filter
def loc(value):
    """Pick the reader's language from a {nl, en} mapping or an object with nl/en attributes."""
    if value is None:
        return ""
    language = (get_language() or "nl")[:2]
    if isinstance(value, dict):
        return value.get(language) or value.get("nl") or ""
    if hasattr(value, "nl"):
        return getattr(value, language, None) or value.nl
    return value


@register.filter
def richtext(value):
    text = loc(value)
    blocks = [block.strip() for block in str(text).split("\n\n") if block.strip()]
    html = []
    for block in blocks:
        lines = [line.strip() for line in block.splitlines() if line.strip()]
        if all(line.startswith("- ") for line in lines):
            items = "".join(f"<li>{escape(line[2:])}</li>" for line in lines)
            html.append(f"<ul>{items}</ul>")
        else:
            html.append(f"<p>{escape(' '.join(lines))}</p>")
    return mark_safe("".join(html))


@register.filter
def source_refs(keys):
    """Readable references (title, publisher, year, address) for a list of source keys."""
    from slim.knowledge.sources import resolve

    return resolve(keys)
