"""Input errors that a professional can read and act on.

Every rejection in slim.core goes through InputError, so callers (the web app, the API,
scripts) can show one clear Dutch sentence, point at the field that caused it and branch
on a stable code instead of parsing text.
"""


class InputError(ValueError):
    """Invalid input, with a stable code, the offending field and a Dutch and English message.

    Codes in use: empty_text, too_long, not_dutch, unknown_domain, invalid_axis,
    invalid_intake, personal_data, invalid_conversation, unknown_split.
    """

    def __init__(self, code: str, message: str, message_en: str, field: str | None = None):
        super().__init__(message)
        self.code = code
        self.field = field
        self.message = message
        self.message_en = message_en

    def __str__(self) -> str:
        return self.message

    def at(self, field: str) -> "InputError":
        """The same error, reported at a (more precise) field path."""
        return InputError(self.code, self.message, self.message_en, field)

    def to_dict(self) -> dict:
        return {"code": self.code, "field": self.field, "message": self.message, "message_en": self.message_en}


class KnowledgeError(RuntimeError):
    """A knowledge or engine data file is missing or malformed: a deployment problem, not user input."""
