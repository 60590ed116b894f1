"""Export everything about a client (JSON and PDF) and anonymise a client, for the casusregisseur."""

import json

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from slim.cases import pdf

from .access import client_or_404
from .erase import anonymise, is_anonymised
from .export import client_data, client_document


class AnonymiseForm(forms.Form):
    reason = forms.CharField(label=gettext_lazy("Reden (bijvoorbeeld: verzoek van de cliënt)"), max_length=300)
    confirm = forms.BooleanField(label=gettext_lazy("Ik begrijp dat dit niet terug te draaien is"))


@login_required
def overview(request, client_id):
    client = client_or_404(request.user, client_id)
    form = AnonymiseForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        if is_anonymised(client):
            messages.error(request, _("Deze cliënt is al geanonimiseerd."))
        else:
            anonymise(client, request.user, form.cleaned_data["reason"])
            messages.success(request, _("De cliënt is geanonimiseerd."))
        return redirect("privacy:overview", client_id=client.pk)
    return render(request, "privacy/overview.html", {"client": client, "form": form, "done": is_anonymised(client)})


@login_required
def export_json(request, client_id):
    client = client_or_404(request.user, client_id)
    body = json.dumps(client_data(client), ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="slim-gegevens-{client.pk}.json"'
    return response


@login_required
def export_pdf(request, client_id):
    client = client_or_404(request.user, client_id)
    document = client_document(client_data(client))
    try:
        content = pdf.render(document)
    except pdf.FontMissing:
        messages.error(request, _("De PDF kan nu niet gemaakt worden: het lettertype ontbreekt op de server."))
        return redirect("privacy:overview", client_id=client.pk)
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{document.filename}"'
    return response
