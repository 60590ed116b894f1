"""Reading the audit trail: auditors see everything; a casusregisseur sees who touched their client's data."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render

from slim.accounts.capabilities import AUDIT_READ_ALL, has
from slim.clients.models import Client
from slim.clients.visibility import may_manage

from .chain import verify
from .models import AuditEvent


@login_required
def trail(request):
    if not has(request.user, AUDIT_READ_ALL):
        raise PermissionDenied
    page = Paginator(AuditEvent.objects.all(), 50).get_page(request.GET.get("pagina"))
    ok, checked, broken = verify()
    return render(request, "audit/trail.html", {"page": page, "chain_ok": ok, "checked": checked, "broken": broken})


@login_required
def client_trail(request, client_id):
    client = Client.objects.filter(pk=client_id).first()
    if client is None or not (has(request.user, AUDIT_READ_ALL) or may_manage(request.user, client)):
        raise Http404
    events = AuditEvent.objects.filter(client_id=client.pk)[:500]
    return render(request, "audit/client_trail.html", {"client": client, "events": events})
