"""Labels whose language is chosen when a form is shown, not when it is built."""

from slim.ui.templatetags.slim_text import loc


class LazyLabel:
    """Pick the label's language when the form is rendered, not when it is built."""

    def __init__(self, text):
        self.text = text

    def __str__(self):
        return str(loc(self.text))
