"""One path converter for every numeric id in a URL.

Django's own `int` converter accepts any number of digits; a huge id then reaches the
database or the audit trail as a number no column can hold (OverflowError, a 500).
`<id:...>` accepts 1 to 18 digits, always below the largest 64-bit integer, so an id
that cannot exist simply gives a 404. Registered once, when slim.project.urls imports this module.
"""

from django.urls import register_converter

MAX_ID = 2**63 - 1


class IdConverter:
    regex = "[0-9]{1,18}"

    def to_python(self, value: str) -> int:
        number = int(value)
        if number > MAX_ID:  # cannot happen with 18 digits; kept as the stated bound
            raise ValueError("id too large")
        return number

    def to_url(self, value) -> str:
        return str(int(value))


register_converter(IdConverter, "id")
