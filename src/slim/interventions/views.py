"""Pages of the databank: search (with 'fits this client'), detail with a print view, and comparison.

The databank is public knowledge without any client data, so these pages need
no login. The 'fits this client' form asks only for a logic per life domain.
"""

from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from slim.core import InputError

from . import fit
from .models import Intervention
from .parameters import listed
from .presentation import describe
from .search import SORTS, SearchParams, search
from .vocabulary import LOGIC, domain_titles

MIN_COMPARE, MAX_COMPARE = 2, 4


def search_page(request):
    context = {"q": request.GET.get("q", ""), "sorts": SORTS}
    try:
        params = SearchParams.from_query(request.GET)
        result = search(params)
    except InputError as error:
        context["error"] = error
        return render(request, "interventions/search.html", context, status=400)
    context.update(result=result, fit_rows=_fit_rows(params.fit), fit_query=fit.as_query(params.fit))
    return render(request, "interventions/search.html", context)


def _fit_rows(client):
    """One choice per life domain for the 'fits this client' form, with the current choice."""
    chosen = {item.domain: str(item) for item in client}
    logics = [(code, term.title) for code, term in LOGIC.terms.items()]
    return [
        {"domain": code, "title": title, "chosen": chosen.get(code, ""), "options": [(f"{code}:{logic}", name) for logic, name in logics]}
        for code, title in domain_titles().items()
    ]


def detail(request, slug):
    obj = get_object_or_404(Intervention, slug=slug)
    [description] = describe([obj])
    context = {"item": description, "print": request.GET.get("print") == "1"}
    try:
        client = fit.parse(request.GET.getlist("fit"))
    except InputError as error:
        context["fit_error"] = error
    else:
        if client:
            context["fit"] = fit.explain_record(client, obj.name, description.record)
    return render(request, "interventions/detail.html", context)


def compare(request):
    slugs = listed(request.GET.getlist("ids"))
    error = None
    if len(slugs) < MIN_COMPARE:
        error = _("Kies minstens %(min)d interventies om te vergelijken.") % {"min": MIN_COMPARE}
    elif len(slugs) > MAX_COMPARE:
        error = _("Je kunt hoogstens %(max)d interventies tegelijk vergelijken; je koos er %(count)d.") % {
            "max": MAX_COMPARE,
            "count": len(slugs),
        }
    else:
        found = {obj.slug: obj for obj in Intervention.objects.filter(slug__in=slugs)}
        missing = [slug for slug in slugs if slug not in found]
        if missing:
            error = _("Deze interventies bestaan niet: %(slugs)s.") % {"slugs": ", ".join(missing)}
    if error:
        return render(request, "interventions/compare.html", {"error": error}, status=400)
    return render(request, "interventions/compare.html", {"items": describe([found[slug] for slug in slugs])})
