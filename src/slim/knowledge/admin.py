from django.contrib import admin

from .models import KnowledgeItem


@admin.register(KnowledgeItem)
class KnowledgeItemAdmin(admin.ModelAdmin):
    """Read-only: the versioned files in slim/data are the source; `slim load-knowledge` fills this table.

    An edit here would change the pages but not the engine's warnings, so the admin only shows.
    """

    list_display = ("kind", "code", "order", "inferred", "version")
    list_filter = ("kind", "inferred")
    search_fields = ("code",)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
