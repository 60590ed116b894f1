from django.http import Http404
from django.shortcuts import get_object_or_404, render

from .kinds import BY_SLUG, GROUPS, KINDS
from .models import KnowledgeItem
from .sources import resolve


def index(request):
    items = KnowledgeItem.objects.only("kind", "code", "order", "title", "summary", "inferred")
    by_kind = {}
    for item in items:
        by_kind.setdefault(item.kind, []).append(item)
    groups = [
        (label, [(kind, by_kind.get(kind.code, [])) for kind in KINDS if kind.group == code])
        for code, label in GROUPS
    ]
    return render(request, "knowledge/index.html", {"groups": groups})


def _kind(slug):
    try:
        return BY_SLUG[slug]
    except KeyError:
        raise Http404("Onbekende soort kennis") from None


def kind_list(request, slug):
    kind = _kind(slug)
    items = KnowledgeItem.objects.filter(kind=kind.code)
    return render(request, "knowledge/kind_list.html", {"kind": kind, "items": items})


def item_detail(request, slug, code):
    kind = _kind(slug)
    item = get_object_or_404(KnowledgeItem, kind=kind.code, code=code)
    siblings = list(KnowledgeItem.objects.filter(kind=kind.code).only("code", "title", "order"))
    keys = list(dict.fromkeys([*item.sources, *(key for section in item.sections for key in section.get("sources") or [])]))
    context = {
        "kind": kind, "item": item, "siblings": siblings, "references": resolve(keys),
        "section_rows": _section_rows(kind, item),
    }
    if kind.code == "logic":
        context["mismatch_rows"] = _mismatch_rows(item)
    return render(request, "knowledge/item_detail.html", context)


def _section_rows(kind, item):
    """Sections with an optional group heading above them; sections inside a group get a level-3 heading."""
    groups = dict(kind.section_groups)
    rows, grouped = [], False
    for section in item.sections:
        group = groups.get(section.get("code"))
        grouped = grouped or group is not None
        rows.append({"section": section, "group": group, "level": 3 if grouped else 2})
    return rows


def _mismatch_rows(item):
    """Rows for the 'what happens with another approach' table of one logic."""
    others = {obj.code: obj for obj in KnowledgeItem.objects.filter(kind="logic")}
    rows = []
    for code, cell in (item.attributes.get("mismatch") or {}).items():
        if code in others:
            rows.append({"approach": others[code], "consequence": cell.get("consequence"), "risks": cell.get("risks", [])})
    return rows
