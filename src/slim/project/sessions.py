"""The idle timeout without a session write on every request.

A session ends SESSION_COOKIE_AGE seconds (30 minutes) after it was last saved. Saving it on
every request (SESSION_SAVE_EVERY_REQUEST) keeps that exact, but costs a database write per
request. This middleware marks the session changed only when its expiry was last moved
forward more than REFRESH_SECONDS ago; SessionMiddleware then saves it and renews the
cookie. So a session ends between SESSION_COOKIE_AGE - REFRESH_SECONDS and
SESSION_COOKIE_AGE seconds after the last request, and never later.
"""

import time

REFRESH_SECONDS = 60
REFRESHED = "_slim_refreshed"


class IdleTimeoutMiddleware:
    """Place right after SessionMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        session = request.session
        if session.session_key:  # a session cookie came in, or the view made a session
            refreshed = session.get(REFRESHED)  # loads it: an expired or unknown key becomes None
            now = int(time.time())
            if session.session_key and (session.modified or refreshed is None or now - refreshed > REFRESH_SECONDS):
                session[REFRESHED] = now
        return response
