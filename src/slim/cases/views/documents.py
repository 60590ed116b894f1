"""The casusverhaal for partners and the B1 plan for the client: as a print-ready page and as a PDF."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from .. import documents, pdf
from ..access import case_or_404
from ..models import Category
from .common import case_page

# page name -> (the document builder, the URL name of its PDF)
PAGES = {
    "story": (documents.case_story, "cases:story-pdf"),
    "client-plan": (documents.client_plan, "cases:client-plan-pdf"),
}


def _page(request, case_id, name):
    case = case_or_404(request.user, case_id, Category.PLAN)
    build, pdf_url = PAGES[name]
    return case_page(request, case, "cases/document.html", name, document=build(case), pdf_url=pdf_url)


def _pdf(request, case_id, name):
    case = case_or_404(request.user, case_id, Category.PLAN)
    build, _pdf_url = PAGES[name]
    document = build(case)
    try:
        content = pdf.render(document, language=(get_language() or "nl")[:2])
    except pdf.FontMissing:
        messages.error(
            request, _("De PDF kan nu niet gemaakt worden: het lettertype ontbreekt op de server. Druk deze pagina af.")
        )
        return redirect(f"cases:{name}", case_id=case.pk)
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{document.filename}"'
    return response


@login_required
def story(request, case_id):
    return _page(request, case_id, "story")


@login_required
def story_pdf(request, case_id):
    return _pdf(request, case_id, "story")


@login_required
def client_plan(request, case_id):
    return _page(request, case_id, "client-plan")


@login_required
def client_plan_pdf(request, case_id):
    return _pdf(request, case_id, "client-plan")
