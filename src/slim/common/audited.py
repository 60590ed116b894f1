"""Which client a request was about, as the view that read it knows: the audit trail takes it from here.

The audit middleware (slim.audit, a higher layer) otherwise finds the client from the URL's
keyword arguments with a query of its own; a view that has already read the object the URL names
tells it with `about_client`, so a case page does not read its case's client twice.
"""

ATTRIBUTE = "_slim_audit_client_id"


def about_client(request, client_id):
    setattr(request, ATTRIBUTE, client_id)


def client_of(request):
    """The client id a view gave with about_client, or None."""
    return getattr(request, ATTRIBUTE, None)
