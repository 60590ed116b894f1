from django.contrib import admin

from .models import KnowledgeItem


@admin.register(KnowledgeItem)
class KnowledgeItemAdmin(admin.ModelAdmin):
    list_display = ("kind", "code", "order", "inferred", "version")
    list_filter = ("kind", "inferred")
    search_fields = ("code",)
    readonly_fields = ("content_hash",)
