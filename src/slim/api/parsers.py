"""The API's JSON parser: DRF's own, plus a clear 400 for JSON nested too deep to read.

Python's json module recurses once per level; 50,000 '[' raise RecursionError, which
DRF does not catch (a 500). Nesting is also capped well below Python's limit, so no
later step that walks the data can hit the limit either.
"""

from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser

MAX_DEPTH = 32


def _depth(value, limit):
    """True when `value` nests deeper than `limit` levels (iterative: cannot recurse too far itself)."""
    stack = [(value, 1)]
    while stack:
        item, level = stack.pop()
        if level > limit:
            return True
        if isinstance(item, dict):
            stack.extend((child, level + 1) for child in item.values())
        elif isinstance(item, list):
            stack.extend((child, level + 1) for child in item)
    return False


class SafeJSONParser(JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        try:
            data = super().parse(stream, media_type, parser_context)
        except RecursionError:
            raise ParseError(f"JSON parse error - nested more than {MAX_DEPTH} levels deep") from None
        if _depth(data, MAX_DEPTH):
            raise ParseError(f"JSON parse error - nested more than {MAX_DEPTH} levels deep")
        return data
