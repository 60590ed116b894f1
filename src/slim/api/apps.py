from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "slim.api"
    label = "api"
    verbose_name = "API"
