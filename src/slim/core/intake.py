"""The digital draaischijf: intake questions and strict validation of intake data.

Intake data arrives as JSON from a form or an API. It is checked completely before the
engine reads it, and every problem is reported with the path of the field
('domains[0].answers.kunnen') and the values that are allowed. Keys that look like personal
characteristics are refused outright: SLIM reads what a client says about a situation,
never who the client is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from slim.core.errors import InputError
from slim.core.knowledge import intake_data, require_domain
from slim.core.model import Approach, Intake, IntakeDomain, Logic, Target, Text
from slim.core.text import check_text

DOMAIN_KEYS = ("domain", "answers", "statements", "approach", "interventions", "partners", "shared_goal")
APPROACH_KEYS = {"interventions": ("name", "logic"), "partners": ("name", "organisation", "logic")}
APPROACH_KIND = {"interventions": "intervention", "partners": "partner"}

# Words in key names that point at personal characteristics. A key is split into words
# ('clientAge', 'geboorte_datum'); short words must match a whole word, longer ones may sit
# inside a compound ('geboortedatum', 'clientleeftijd').
PERSONAL_WORDS = frozenset("age sex bsn taal wijk dob".split())
PERSONAL_FRAGMENTS = (
    "leeftijd", "geboorte", "birth", "geslacht", "gender", "sekse", "nationaliteit", "nationality",
    "afkomst", "herkomst", "origin", "etnisch", "etnic", "ethnic", "migratie", "migration", "postcode",
    "zipcode", "postal", "buurt", "neighbourhood", "neighborhood", "religie", "religion", "geloof",
    "language", "taalniveau", "moedertaal", "burgerservice",
)


@dataclass(frozen=True)
class Answer:
    code: str
    label: Text
    target: Target | None


@dataclass(frozen=True)
class Question:
    code: str
    axis: str
    question: Text
    domain_wording: dict[str, Text]
    answers: dict[str, Answer]

    def wording(self, domain: str) -> Text:
        """The question as asked in this life domain."""
        return self.domain_wording.get(domain, self.question)


@lru_cache(maxsize=1)
def questions() -> dict[str, Question]:
    """The intake questions from engine/intake.yaml, keyed by code, in file order."""
    return {
        raw["code"]: Question(
            code=raw["code"],
            axis=raw["axis"],
            question=Text.of(raw["question"]),
            domain_wording={domain: Text.of(text) for domain, text in raw.get("domain_wording", {}).items()},
            answers={
                answer["code"]: Answer(
                    answer["code"],
                    Text.of(answer["label"]),
                    Target.parse(answer["evidence"]) if answer["evidence"] else None,
                )
                for answer in raw["answers"]
            },
        )
        for raw in intake_data()["questions"]
    }


def _invalid(field: str, nl: str, en: str, code: str = "invalid_intake") -> InputError:
    return InputError(code, f"{field}: {nl}", f"{field}: {en}", field)


def _is_personal(key: str) -> bool:
    words = re.sub(r"([a-z])([A-Z])", r"\1 \2", key).lower()
    words = re.findall(r"[a-z]+", words)
    return any(word in PERSONAL_WORDS or any(fragment in word for fragment in PERSONAL_FRAGMENTS) for word in words)


def _check_keys(data: object, allowed: tuple[str, ...], path: str, required: tuple[str, ...] = ()) -> dict:
    if not isinstance(data, dict):
        raise _invalid(path or "intake", "verwacht een object met velden.", "expected an object with fields.")
    for key in data:
        field = f"{path}.{key}" if path else str(key)
        if _is_personal(str(key)):
            raise InputError(
                "personal_data",
                f"{field}: SLIM gebruikt geen persoonskenmerken (zoals leeftijd, geslacht, afkomst, taal of "
                "woonplaats). Laat dit veld weg; SLIM leest alleen wat de cliënt over de situatie zegt.",
                f"{field}: SLIM does not use personal characteristics (such as age, gender, origin, language or "
                "place of residence). Leave this field out; SLIM only reads what the client says about the situation.",
                field,
            )
        if key not in allowed:
            raise _invalid(field, f"onbekend veld. Toegestaan: {', '.join(allowed)}.", f"unknown field. Allowed: {', '.join(allowed)}.")
    for key in required:
        if key not in data:
            field = f"{path}.{key}" if path else key
            raise _invalid(field, "dit veld is verplicht.", "this field is required.")
    return data


def parse_logic(value: object, field: str, code: str = "invalid_intake") -> Logic:
    """A logic (or its code), or InputError listing the four codes."""
    allowed = [logic.value for logic in Logic]
    if value not in allowed:
        raise _invalid(
            field,
            f"onbekende logica '{value}'. Kies uit: {', '.join(allowed)}.",
            f"unknown logic '{value}'. Choose from: {', '.join(allowed)}.",
            code,
        )
    return Logic(value)


def _text(value: object, field: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise _invalid(field, "vul een naam in.", "fill in a name.")
    return value.strip()


def _answers(raw: object, field: str) -> dict[str, str]:
    allowed_questions = tuple(questions())
    answers = _check_keys(raw, allowed_questions, field)
    for code, value in answers.items():
        question = questions()[code]
        # A list or object is never an answer (and cannot be looked up in a dict: TypeError).
        if not isinstance(value, str) or value not in question.answers:
            options = ", ".join(question.answers)
            axis_code = "invalid_axis" if question.axis in ("direction", "capacity") else "invalid_intake"
            raise _invalid(
                f"{field}.{code}",
                f"ongeldig antwoord '{value}'. Kies uit: {options}.",
                f"invalid answer '{value}'. Choose from: {options}.",
                axis_code,
            )
    return dict(answers)


def _statements(raw: object, field: str) -> tuple[str, ...]:
    if not isinstance(raw, (list, tuple)):
        raise _invalid(field, "verwacht een lijst met uitspraken.", "expected a list of statements.")
    for index, statement in enumerate(raw):
        try:
            check_text(statement)
        except InputError as error:
            raise error.at(f"{field}[{index}]") from None
    return tuple(raw)


def _approaches(raw: object, key: str, field: str) -> tuple[Approach, ...]:
    if not isinstance(raw, (list, tuple)):
        raise _invalid(field, "verwacht een lijst.", "expected a list.")
    approaches = []
    for index, item in enumerate(raw):
        path = f"{field}[{index}]"
        if isinstance(item, Approach):
            approaches.append(item)
            continue
        _check_keys(item, APPROACH_KEYS[key], path, required=("name", "logic"))
        organisation = item.get("organisation")
        approaches.append(
            Approach(
                kind=APPROACH_KIND[key],
                name=_text(item["name"], f"{path}.name"),
                logic=parse_logic(item["logic"], f"{path}.logic"),
                organisation=_text(organisation, f"{path}.organisation") if organisation is not None else None,
            )
        )
    return tuple(approaches)


def validate_domain(raw: object, path: str = "") -> IntakeDomain:
    """Check one life-domain block and return it as an IntakeDomain."""
    block = _check_keys(raw, DOMAIN_KEYS, path, required=("domain",))
    prefix = f"{path}." if path else ""
    domain = require_domain(block["domain"], f"{prefix}domain")
    shared_goal = block.get("shared_goal", False)
    if not isinstance(shared_goal, bool):
        raise _invalid(f"{prefix}shared_goal", "verwacht true of false.", "expected true or false.")
    approach = block.get("approach")
    return IntakeDomain(
        domain=domain,
        answers=_answers(block.get("answers") or {}, f"{prefix}answers"),
        statements=_statements(block.get("statements") or [], f"{prefix}statements"),
        approach=parse_logic(approach, f"{prefix}approach") if approach is not None else None,
        interventions=_approaches(block.get("interventions") or [], "interventions", f"{prefix}interventions"),
        partners=_approaches(block.get("partners") or [], "partners", f"{prefix}partners"),
        shared_goal=shared_goal,
    )


def validate_intake(data: object) -> Intake:
    """Check a whole intake ({"domains": [...]}) and return it as an Intake.

    Raises InputError with the field path for the first problem found.
    """
    intake = _check_keys(data, ("domains",), "", required=("domains",))
    blocks = intake["domains"]
    if not isinstance(blocks, list) or not blocks:
        raise _invalid("domains", "geef minstens één leefgebied.", "give at least one life domain.")
    domains = []
    seen: set[str] = set()
    for index, raw in enumerate(blocks):
        block = validate_domain(raw, f"domains[{index}]")
        if block.domain in seen:
            raise _invalid(
                f"domains[{index}].domain",
                f"leefgebied '{block.domain}' staat er al; geef elk leefgebied één keer.",
                f"life domain '{block.domain}' is already present; give each life domain once.",
            )
        seen.add(block.domain)
        domains.append(block)
    return Intake(tuple(domains))
