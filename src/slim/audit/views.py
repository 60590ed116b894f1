"""Reading the audit trail: auditors see everything, nobody else sees it here."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import render

from slim.accounts.models import Role

from .chain import verify
from .models import AuditEvent


@login_required
def trail(request):
    if request.user.role != Role.AUDITOR:
        raise PermissionDenied
    page = Paginator(AuditEvent.objects.all(), 50).get_page(request.GET.get("pagina"))
    ok, checked, broken = verify()
    return render(request, "audit/trail.html", {"page": page, "chain_ok": ok, "checked": checked, "broken": broken})
