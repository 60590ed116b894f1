"""Lock an account for a while after repeated failed logins."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from .models import LoginFailure


def _window_start():
    return timezone.now() - timedelta(seconds=settings.SLIM_LOCKOUT_SECONDS)


def is_locked(username: str) -> bool:
    recent = LoginFailure.objects.filter(username__iexact=username, at__gte=_window_start())
    return recent.count() >= settings.SLIM_LOCKOUT_ATTEMPTS


def record_failure(username: str, ip_address: str | None):
    LoginFailure.objects.create(username=username[:150], ip_address=ip_address)


def clear_failures(username: str):
    LoginFailure.objects.filter(username__iexact=username).delete()
