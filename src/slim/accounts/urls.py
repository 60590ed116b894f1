from django.contrib.auth import views as auth_views
from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("inloggen/", views.SlimLoginView.as_view(), name="login"),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    path("tweede-stap/", views.second_step, name="second-step"),
    path("tweede-stap/instellen/", views.totp_setup, name="totp-setup"),
    path("beveiliging/", views.security, name="security"),
    path("beveiliging/contactgegevens/", views.contact_details, name="contact-details"),
    path("beveiliging/back-upcodes/", views.backup_codes, name="backup-codes"),
    path("overal-uitloggen/", views.logout_everywhere, name="logout-everywhere"),
]
