from django.contrib import admin

from .models import Client


@admin.register(Client)
class ClientAdmin(admin.ModelAdmin):
    """Admins manage users, not case content: clients are listed without opening their data."""

    list_display = ("id", "created_by", "created_at")
    fields = ("created_by", "created_at")
    readonly_fields = ("created_by", "created_at")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
