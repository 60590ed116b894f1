"""Keep users who still owe their second login step away from everything else."""

from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse

from .secondstep import has_second_factor, second_step_done

OPEN_PREFIXES = ("/static/", "/i18n/")


class SecondFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.requires_second_factor:
            if not second_step_done(request) and not self._is_open(request.path):
                if request.path.startswith("/api/"):
                    return JsonResponse(
                        {"error": "second_factor_required", "detail": "Rond eerst de tweede inlogstap af.", "field": None},
                        status=403,
                    )
                return redirect("accounts:second-step" if has_second_factor(user) else "accounts:totp-setup")
        return self.get_response(request)

    @staticmethod
    def _is_open(path):
        allowed = (reverse("accounts:second-step"), reverse("accounts:totp-setup"), reverse("accounts:logout"))
        return path in allowed or path.startswith(OPEN_PREFIXES)
