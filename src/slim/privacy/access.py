"""Who may export or anonymise a client: the rule is slim.clients.visibility.may_manage."""

from django.http import Http404

from slim.clients.models import visible_clients
from slim.clients.visibility import may_manage


def client_or_404(user, client_id):
    client = visible_clients(user).filter(pk=client_id).first()
    if client is None or not may_manage(user, client):
        raise Http404
    return client
