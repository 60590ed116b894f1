from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .models import OIDCIdentity, User


class OIDCIdentityInline(admin.TabularInline):
    """Where a beheerder links a person at the identity provider (issuer + sub) to this account.

    SLIM never does that by itself: an OIDC login only reaches the account it was linked to.
    """

    model = OIDCIdentity
    extra = 0
    fields = ("issuer", "subject", "created_at")
    readonly_fields = ("created_at",)


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
    actions = ["reset_second_step"]
    inlines = [OIDCIdentityInline]

    @admin.action(description=_("Tweede stap opnieuw laten instellen (bijvoorbeeld na een verloren telefoon)"))
    def reset_second_step(self, request, queryset):
        """Remove the users' authenticator and backup codes: at their next login they enrol anew."""
        from django_otp import devices_for_user

        count = 0
        for user in queryset:
            for device in devices_for_user(user, confirmed=None):
                device.delete()
            user.session_generation += 1  # their open sessions end too
            user.save(update_fields=["session_generation"])
            count += 1
        self.message_user(
            request,
            ngettext("%(count)d gebruiker stelt de tweede stap opnieuw in.", "%(count)d gebruikers stellen de tweede stap opnieuw in.", count)
            % {"count": count},
            messages.SUCCESS,
        )

    def has_delete_permission(self, request, obj=None):
        # Deactivate instead. Deleting would also list the clients a user registered (by name) on
        # the confirmation page, and the audit trail keeps pointing at its users.
        return False
