"""The contact log: which conversation type, did it flow, what comes next, and the trend."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from .. import operations
from ..access import can_log_contact, can_see, case_or_404
from ..conversations import TREND_WINDOW, domain_suggestions, suggestion, trends
from ..forms import ContactForm
from ..models import Category
from .common import case_page, require


@login_required
def contacts(request, case_id):
    case = case_or_404(request.user, case_id, Category.CONTACTS)
    may_log = can_log_contact(request.user, case)
    if request.method == "POST":
        require(may_log)
    form = None
    if may_log:
        data = request.POST if request.method == "POST" else None
        form = ContactForm(data)
    if form is not None and form.is_bound and form.is_valid():
        # In one's own name: nobody records a conversation as if someone else held it.
        fields = {name: form.cleaned_data[name] for name in (*form._meta.fields, "next_appointment_on")}
        operations.log_contact(case, request.user, request.user, **fields)
        messages.success(request, _("Het contact is vastgelegd."))
        return redirect("cases:contacts", case_id=case.pk)
    latest = list(case.contacts.select_related("user")[:50])  # newest first; the trends read the first of these
    overall, per_type = trends(case, recent=latest[:TREND_WINDOW])
    return case_page(
        request, case, "cases/contacts.html", "contacts",
        form=form,
        contacts=latest,
        overall=overall,
        per_type=per_type,
        window=TREND_WINDOW,
        # The suggestion rests on the shared goal and strategy, which belong to the plan.
        suggestion=(
            suggestion(case, last=latest[0] if latest else None) if can_see(request.user, case, Category.PLAN) else None
        ),
        # Per domain from that domain's decided logic: it tells how the client sees themselves (matching consent).
        per_domain=domain_suggestions(case, latest) if can_see(request.user, case, Category.MATCHING) else [],
    )
