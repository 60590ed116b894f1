from rest_framework.permissions import BasePermission

from slim.accounts.capabilities import ENGINE_USE, has


class UsesEngine(BasePermission):
    """Logged in, with a role that may use the engine (slim.accounts.capabilities)."""

    def has_permission(self, request, view):
        return has(request.user, ENGINE_USE)
