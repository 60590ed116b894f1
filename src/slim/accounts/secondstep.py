"""Who owes a second login step, and whether this session has given it.

The devices and the check of a code are django-otp's (TOTP with replay protection through
last_t, static backup codes, both throttled); this module only names SLIM's rules.
"""

from django_otp import DEVICE_ID_SESSION_KEY, user_has_device
from django_otp import login as otp_login

# Set only by the OIDC callback when SLIM_OIDC_SKIP_SECOND_STEP=1: the provider did the MFA.
OIDC_MFA = "slim_oidc_mfa"
NEXT = "slim_after_second_factor"


def has_second_factor(user):
    return user_has_device(user, confirmed=True)


def second_step_done(request):
    is_verified = getattr(request.user, "is_verified", None)  # set by django-otp's OTPMiddleware
    return bool((is_verified and is_verified()) or request.session.get(OIDC_MFA))


def forget_second_step(request):
    """A fresh login starts unverified, whatever the session held before."""
    request.session.pop(DEVICE_ID_SESSION_KEY, None)
    request.session.pop(OIDC_MFA, None)


def mark_verified(request, device):
    otp_login(request, device)
