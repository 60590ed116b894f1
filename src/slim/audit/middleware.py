"""Record every request that reads or writes client data in the audit trail.

Done here, in one place, so a new client page is audited without its author
having to remember it: everything in the namespaces below counts as client data.
"""

from slim.accounts.net import client_ip
from slim.common.audited import client_of

from . import chain
from .targets import client_for

# The admin (/beheer/) shows no clients, but users' and teams' data: every admin page is recorded too.
CLIENT_DATA_NAMESPACES = {"matching", "cases", "audit", "privacy", "admin", "portal"}
SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}


def _client(request, match):
    """The client the URL names: as the view read it (slim.common.audited), else looked up from the URL."""
    client_id = client_of(request)
    return client_id if client_id is not None else client_for(match.kwargs)


class AuditMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        match = getattr(request, "resolver_match", None)
        user = getattr(request, "user", None)
        if match and match.namespace in CLIENT_DATA_NAMESPACES and user is not None and user.is_authenticated:
            chain.record(
                user=user,
                action="lezen" if request.method in SAFE_METHODS else "schrijven",
                view=match.view_name,
                path=request.get_full_path(),
                method=request.method,
                status=response.status_code,
                client_id=_client(request, match),
                objects_ref={key: str(value) for key, value in match.kwargs.items()},
                ip_address=client_ip(request),
            )
        return response
