"""SLIM domain core: a deterministic, explainable matching engine without any web framework.

It reads what a client says about one life domain (draaischijf answers and their own
statements), suggests which of the four SLIM intervention logics fits, shows every signal it
used, and warns when the approaches around the client do not fit. It suggests; the
professional and the client decide.
"""

from slim.core.alignment import alignment_warnings
from slim.core.classifier import classify
from slim.core.conversation import next_conversation
from slim.core.engine import match_domain, match_intake
from slim.core.errors import InputError
from slim.core.evaluate import evaluate
from slim.core.intake import validate_intake
from slim.core.model import Logic

__all__ = [
    "InputError",
    "Logic",
    "alignment_warnings",
    "classify",
    "evaluate",
    "match_domain",
    "match_intake",
    "next_conversation",
    "validate_intake",
]
