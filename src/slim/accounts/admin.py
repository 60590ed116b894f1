from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from .models import User


@admin.register(User)
class SlimUserAdmin(UserAdmin):
    fieldsets = UserAdmin.fieldsets + (("SLIM", {"fields": ("role", "organisation")}),)
    list_display = ("username", "get_full_name", "role", "organisation", "is_active")
    list_filter = ("role", "is_active")

    def has_delete_permission(self, request, obj=None):
        # Deactivate instead. Deleting would also list the clients a user registered (by name) on
        # the confirmation page, and the audit trail keeps pointing at its users.
        return False
