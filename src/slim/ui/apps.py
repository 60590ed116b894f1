from django.apps import AppConfig


class UiConfig(AppConfig):
    name = "slim.ui"
    label = "ui"
    verbose_name = "UI"
