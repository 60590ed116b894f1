"""The admin pages (/beheer/) for the beheerder role only, and nothing about clients.

Django's admin lets in any staff user; SLIM also asks the role's capability
(slim.accounts.capabilities.ADMIN_SITE), so a staff flag alone is not enough. What
a beheerder needs is users, mirror teams and the knowledge base: clients and cases
are not registered here at all (they are managed by their casusregisseur, and
erased through the privacy pages or `slim apply-retention`). Every admin request is
written to the audit trail (slim.audit.middleware).
"""

from django.contrib.admin import AdminSite
from django.contrib.admin.apps import AdminConfig


class SlimAdminSite(AdminSite):
    def has_permission(self, request):
        from slim.accounts.capabilities import ADMIN_SITE, has  # not at import: settings load this module

        return super().has_permission(request) and has(request.user, ADMIN_SITE)


class SlimAdminConfig(AdminConfig):
    default_site = "slim.project.admin.SlimAdminSite"

    def ready(self):
        super().ready()  # registers every app's admin.py
        from django.contrib import admin
        from django.contrib.auth.models import Group

        # Roles, not groups, decide what a user may do: a second way to grant rights would bypass them.
        if admin.site.is_registered(Group):
            admin.site.unregister(Group)
