"""Who may export or anonymise a client: the casusregisseur, or the registering professional when there is no case."""

from django.http import Http404

from slim.accounts.capabilities import CASES_TAKE_PART, CLIENTS_REGISTER, has
from slim.clients.models import visible_clients
from slim.cases.models import CaseMember, CaseRole


def may_manage(user, client):
    if client.cases.exists():
        return has(user, CASES_TAKE_PART) and CaseMember.objects.filter(
            case__client=client, user=user, role=CaseRole.DIRECTOR
        ).exists()
    return has(user, CLIENTS_REGISTER) and client.created_by_id == user.pk


def client_or_404(user, client_id):
    client = visible_clients(user).filter(pk=client_id).first()
    if client is None or not may_manage(user, client):
        raise Http404
    return client
