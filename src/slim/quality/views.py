"""Thin views of slim.quality: access, then figures or operations, then a template."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _, gettext_lazy
from django.views.decorators.http import require_POST, require_safe

from slim.accounts.capabilities import (
    QUALITY_ALL_TEAMS, QUALITY_CONSENT, QUALITY_LABEL, QUALITY_STUDY_LEAD, QUALITY_VIEW, capability_required, has,
)
from slim.matching.models import LOGIC_CHOICES
from slim.common import safecsv

from . import operations, publication, sources
from .figures import agreement as agreement_figures, drift as drift_figures, drift_csv_rows
from .models import Label, ResearchConsent, Study, StudyItem
from .studies import report as study_report


LIST_LIMIT = 200


def scope(user):
    """(organisation or None for all teams, suppress): beheerder all teams, team leader own team, policy suppressed."""
    if has(user, QUALITY_ALL_TEAMS):
        return None, False
    if has(user, QUALITY_STUDY_LEAD):
        return user.organisation, False
    return None, True


@require_safe
@capability_required(QUALITY_VIEW)
def agreement(request):
    organisation, suppress = scope(request.user)
    by = "month" if request.GET.get("per") == "maand" else "quarter"
    rows = sources.decision_rows(organisation)
    figures = agreement_figures(rows, suppress, by=by, self_assessments=sources.self_assessments(rows))
    return render(request, "quality/agreement.html", {
        "figures": figures, "suppress": suppress, "organisation": organisation, "min_clients": sources.MIN_CLIENTS, "by": by,
    })


@require_safe
@capability_required(QUALITY_VIEW)
def drift(request):
    organisation, suppress = scope(request.user)
    rows = sources.decision_rows(organisation)
    return render(request, "quality/drift.html", {
        "rows": drift_figures(rows, suppress), "figures": agreement_figures(rows, suppress), "suppress": suppress,
        "organisation": organisation, "min_clients": sources.MIN_CLIENTS, "logics": [code for code, _label in LOGIC_CHOICES],
    })


@require_safe
@capability_required(QUALITY_VIEW)
def drift_csv(request):
    organisation, suppress = scope(request.user)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="slim-drift-per-kwartaal.csv"'
    writer = safecsv.writer(response)
    for row in drift_csv_rows(sources.decision_rows(organisation), suppress):
        writer.writerow(row)
    return response


@require_safe
@capability_required(QUALITY_VIEW)
def publish(request):
    figures = publication.live_figures()
    return render(request, "quality/publish.html", {
        "register": publication.algoritmeregister(figures), "iama": publication.iama(figures),
    })


@require_safe
@capability_required(QUALITY_VIEW)
def publish_markdown(request, document):
    if document not in publication.DOCUMENTS:
        raise Http404
    text = publication.algoritmeregister() if document == "algoritmeregister" else publication.iama()
    response = HttpResponse(text, content_type="text/markdown; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="slim-{document}.md"'
    return response


def _studies_of(user):
    return Study.objects.filter(Q(created_by=user) | Q(labellers=user)).distinct()


def _study_or_404(user, study_id):
    if not (has(user, QUALITY_LABEL) or has(user, QUALITY_STUDY_LEAD)):
        raise PermissionDenied
    study = _studies_of(user).filter(pk=study_id).first()
    if study is None:
        raise Http404
    return study


@require_safe
@capability_required(QUALITY_LABEL)
def studies(request):
    return render(request, "quality/studies.html", {
        "studies": _studies_of(request.user), "may_lead": has(request.user, QUALITY_STUDY_LEAD),
    })


class StudyForm(forms.Form):
    title = forms.CharField(label=gettext_lazy("Titel"), max_length=120)
    size = forms.IntegerField(label=gettext_lazy("Aantal uitspraken"), min_value=1, max_value=200, initial=20)
    labellers = forms.MultipleChoiceField(label=gettext_lazy("Wie labelen (minstens twee)"), widget=forms.CheckboxSelectMultiple)

    def __init__(self, colleagues, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.colleagues = {str(user.pk): user for user in colleagues}
        self.fields["labellers"].choices = [(key, user.get_full_name() or user.username) for key, user in self.colleagues.items()]


@capability_required(QUALITY_STUDY_LEAD)
def study_new(request):
    colleagues = sources.colleagues(request.user.organisation)
    form = StudyForm(colleagues, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            study = operations.create_study(
                request.user, form.cleaned_data["title"], [form.colleagues[key] for key in form.cleaned_data["labellers"]],
                form.cleaned_data["size"],
            )
        except operations.QualityError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Het onderzoek is gestart."))
            return redirect("quality:study", study_id=study.pk)
    return render(request, "quality/study_new.html", {"form": form}, status=400 if form.errors else 200)


@capability_required(QUALITY_LABEL)
def study(request, study_id):
    study = _study_or_404(request.user, study_id)
    items = list(StudyItem.objects.filter(study=study).order_by("number"))
    mine = dict(Label.objects.filter(item__study=study, labeller=request.user).values_list("item_id", "logic"))
    is_labeller = study.labellers.filter(pk=request.user.pk).exists()
    return render(request, "quality/study.html", {
        "study": study, "items": [(item, mine.get(item.pk)) for item in items], "logics": LOGIC_CHOICES,
        "is_labeller": is_labeller, "is_lead": study.created_by_id == request.user.pk,
        "done": len(mine), "report": None if study.is_open else study_report(study),
    })


@require_POST
@capability_required(QUALITY_LABEL)
def study_label(request, study_id):
    study = _study_or_404(request.user, study_id)
    if not study.labellers.filter(pk=request.user.pk).exists():
        raise PermissionDenied
    number = request.POST.get("number", "")
    item = StudyItem.objects.filter(study=study, number=int(number)).first() if number.isdigit() and len(number) < 7 else None
    logic = request.POST.get("logic")
    if item is None or logic not in dict(LOGIC_CHOICES):
        messages.error(request, _("Kies een uitspraak en een van de vier logica's."))
        return redirect("quality:study", study_id=study.pk)
    try:
        operations.label(study, item, request.user, logic)
    except operations.QualityError as error:
        messages.error(request, str(error))
    return redirect("quality:study", study_id=study.pk)


@require_POST
@capability_required(QUALITY_STUDY_LEAD)
def study_close(request, study_id):
    study = _study_or_404(request.user, study_id)
    if study.created_by_id != request.user.pk:
        raise PermissionDenied
    try:
        operations.close_study(study, request.user)
        messages.success(request, _("Het onderzoek is gesloten. Het verslag staat hieronder."))
    except operations.QualityError as error:
        messages.error(request, str(error))
    return redirect("quality:study", study_id=study.pk)


class ConsentForm(forms.Form):
    given_on = forms.DateField(label=gettext_lazy("Toestemming gegeven op"), widget=forms.DateInput(attrs={"type": "date"}))

    def clean_given_on(self):
        given_on = self.cleaned_data["given_on"]
        if given_on > sources.today():
            raise forms.ValidationError(_("Deze datum ligt in de toekomst."))
        return given_on


@require_safe
@capability_required(QUALITY_CONSENT)
def consents(request):
    """The clients the user may see, with their research consent, as the way to the consent form."""
    clients = sources.visible_clients(request.user)[:LIST_LIMIT + 1]
    consenting = operations.active_consent_client_ids()
    return render(request, "quality/consents.html", {
        "clients": [(client, client.pk in consenting) for client in clients[:LIST_LIMIT]],
        "more": len(clients) > LIST_LIMIT, "limit": LIST_LIMIT,
    })


@capability_required(QUALITY_CONSENT)
def consent(request, client_id):
    client = sources.visible_client(request.user, client_id)
    if client is None:
        raise Http404
    form = ConsentForm(request.POST or None, initial={"given_on": sources.today()})
    if request.method == "POST":
        if request.POST.get("action") == "withdraw":
            operations.withdraw_consent(client, request.user)
            messages.success(request, _("De toestemming is ingetrokken."))
            return redirect("quality:consent", client_id=client.pk)
        if form.is_valid():
            operations.record_consent(client, request.user, form.cleaned_data["given_on"])
            messages.success(request, _("De toestemming is vastgelegd."))
            return redirect("quality:consent", client_id=client.pk)
    consents = ResearchConsent.objects.filter(client=client)
    return render(request, "quality/consent.html", {
        "client": client, "form": form, "consents": consents, "active": any(consent.active for consent in consents),
    }, status=400 if form.errors else 200)
