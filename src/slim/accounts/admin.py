from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from .models import User


@admin.register(User)
class SlimUserAdmin(UserAdmin):
    # No groups or per-user permissions: what a user may do follows from the role alone
    # (slim.accounts.capabilities). The Group admin is unregistered in slim.accounts.apps.
    fieldsets = tuple(
        (title, {**options, "fields": tuple(f for f in options["fields"] if f not in ("groups", "user_permissions"))})
        for title, options in UserAdmin.fieldsets
    ) + (("SLIM", {"fields": ("role", "organisation")}),)
    list_display = ("username", "get_full_name", "role", "organisation", "is_active")
    list_filter = ("role", "is_active")

    def has_delete_permission(self, request, obj=None):
        # Deactivate instead. Deleting would also list the clients a user registered (by name) on
        # the confirmation page, and the audit trail keeps pointing at its users.
        return False
