"""The page language: Dutch, unless the user chose English with the language switch.

Django's LocaleMiddleware also follows the browser's Accept-Language, which gave English pages
to a Dutch professional with an English browser. SLIM only follows the remembered choice: the
cookie that the switch (Django's set_language view, /i18n/setlang/) writes.
"""

from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation


def chosen_language(request) -> str:
    chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    if chosen:
        try:
            return translation.get_supported_language_variant(chosen)
        except LookupError:
            pass
    return settings.LANGUAGE_CODE


class ChosenLanguageMiddleware(LocaleMiddleware):
    def process_request(self, request):
        language = chosen_language(request)
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()

    def process_response(self, request, response):
        # No "Vary: Accept-Language": the language no longer depends on that header.
        response.headers.setdefault("Content-Language", translation.get_language())
        return response
