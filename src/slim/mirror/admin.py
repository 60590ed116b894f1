"""Teams and their members are managed by an admin; rounds and scores are not shown here.

Scores are deliberately absent: the admin list would show who scored what.
"""

from django.contrib import admin

from .models import Membership, Team


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 1
    autocomplete_fields = ["user"]


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin):
    list_display = ("name", "organisation")
    search_fields = ("name", "organisation")
    inlines = [MembershipInline]
