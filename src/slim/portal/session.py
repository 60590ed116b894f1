"""The client's own session, apart from the staff session.

It lives in its own cookie (COOKIE, path /mijn/, SameSite=Strict) and its own session row;
the staff cookie never opens a client page and this cookie never logs anyone in as staff.
A new session key is made at every entry (no fixation), it ends after IDLE_SECONDS without
a request, and every client page is sent with Cache-Control: no-store.
"""

import time
from functools import wraps
from importlib import import_module

from django.conf import settings
from django.shortcuts import redirect

from slim.accounts.net import client_ip

from . import operations

COOKIE = "slim_mijn"
IDLE_SECONDS = 15 * 60
ACCESS = "portal_access"
SEEN = "portal_seen"


def _store(key=None):
    return import_module(settings.SESSION_ENGINE).SessionStore(key)


def _no_store(response):
    response["Cache-Control"] = "private, no-store"
    return response


def start(response, access):
    """A fresh client session for `access` (a new key, whatever cookie came in)."""
    store = _store()
    store[ACCESS] = access.pk
    store[SEEN] = int(time.time())
    store.set_expiry(IDLE_SECONDS)
    store.create()
    store.save()
    _set_cookie(response, store.session_key)
    return response


def _set_cookie(response, key):
    response.set_cookie(COOKIE, key, max_age=IDLE_SECONDS, path="/mijn/", httponly=True, samesite="Strict",
                        secure=settings.SESSION_COOKIE_SECURE)


def end(request, response):
    key = request.COOKIES.get(COOKIE)
    if key:
        _store(key).delete()
    response.delete_cookie(COOKIE, path="/mijn/", samesite="Strict")
    return response


def client_required(view):
    """Load the client session; without a valid one, back to the entry page."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        key = request.COOKIES.get(COOKIE)
        store = _store(key) if key else None
        now = int(time.time())
        access = None
        if store is not None and store.exists(key) and now - store.get(SEEN, 0) <= IDLE_SECONDS:
            access = operations.current(store.get(ACCESS))
        if access is None:
            response = redirect("portal:enter")
            if key:
                end(request, response)
            return _no_store(response)
        request.portal_access = access
        response = view(request, *args, **kwargs)
        if request.method == "GET":  # every use is audited: writes by their operation, reads here
            operations.audit_read(request.resolver_match.url_name, access, request.path, client_ip(request))
        store[SEEN] = now
        store.save()
        _set_cookie(response, store.session_key)
        return _no_store(response)

    return wrapper


def public(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        return _no_store(view(request, *args, **kwargs))

    return wrapper
