"""'Past bij deze cliënt': order interventions by the client's logic per life domain.

Only interventions are ranked, never clients. The only input is a logic per
life domain ('werk:competenties'), chosen by the professional, so no client
data is needed or stored. An intervention fits on a domain when it assumes the
client's logic there; when it does not, the reader is warned what the mismatch
table in logics.yaml says typically happens (through slim.core's alignment warnings),
but only on the life domains the intervention is about (vocabulary.intervention_domains:
its themes and target groups name them in the knowledge data). A debts intervention
says nothing about the client's logic on health; an intervention the data ties to no
domain is weighed on every domain.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlencode

from slim.core import InputError, Logic, alignment_warnings
from slim.core.knowledge import life_domain_codes, require_domain
from slim.core.model import Approach, MatchWarning

from .parameters import listed
from .vocabulary import LOGIC, domain_titles, intervention_domains


# Bit of each logic in Intervention.logic_mask, in the engine's canonical (never changing) order.
LOGIC_BITS = {logic.value: bit for bit, logic in enumerate(Logic)}


@dataclass(frozen=True)
class ClientLogic:
    domain: str
    logic: str

    def __str__(self) -> str:
        return f"{self.domain}:{self.logic}"


@dataclass(frozen=True)
class Reason:
    """The intervention assumes the client's logic on this domain."""

    domain: str
    logic: str
    message: dict  # {nl, en}

    def to_dict(self) -> dict:
        return {"domain": self.domain, "logic": self.logic, "message": self.message}


@dataclass(frozen=True)
class Clash:
    """The intervention assumes none of the client's logic on this domain: one engine warning per logic it does assume."""

    domain: str
    client_logic: str
    domain_title: dict  # {nl, en}
    warnings: tuple[MatchWarning, ...]

    def to_dict(self) -> dict:
        return {
            "domain": self.domain,
            "client_logic": self.client_logic,
            "warnings": [warning.to_dict() for warning in self.warnings],
        }


@dataclass(frozen=True)
class Fit:
    score: int
    reasons: tuple[Reason, ...]
    clashes: tuple[Clash, ...]

    def to_dict(self) -> dict:
        return {
            "score": self.score,
            "reasons": [reason.to_dict() for reason in self.reasons],
            "clashes": [clash.to_dict() for clash in self.clashes],
        }


def parse(values: Iterable[str]) -> tuple[ClientLogic, ...]:
    """Read 'domein:logica' values (repeated or comma-separated; empty ones are skipped)."""
    found: dict[str, ClientLogic] = {}
    for value in listed(values):
        domain, separator, logic = value.partition(":")
        if not separator:
            raise InputError(
                "invalid_fit",
                f"'{value}' is geen leefgebied:logica (bijvoorbeeld werk:competenties).",
                f"'{value}' is not domain:logic (for example werk:competenties).",
                "fit",
            )
        require_domain(domain, field="fit")
        if logic not in LOGIC.terms:
            raise InputError(
                "unknown_logic",
                f"Onbekende logica '{logic}'. Kies uit: {', '.join(LOGIC.terms)}.",
                f"Unknown logic '{logic}'. Choose from: {', '.join(LOGIC.terms)}.",
                "fit",
            )
        if domain in found:
            raise InputError(
                "duplicate_domain",
                f"Leefgebied '{domain}' staat er twee keer in; kies één logica per leefgebied.",
                f"Life domain '{domain}' is given twice; choose one logic per domain.",
                "fit",
            )
        found[domain] = ClientLogic(domain, logic)
    order = life_domain_codes()
    return tuple(sorted(found.values(), key=lambda item: order.index(item.domain)))


def as_query(client: tuple[ClientLogic, ...]) -> str:
    """The choice as query string, so links to a detail page keep it."""
    return urlencode([("fit", str(item)) for item in client])


def score_sql(client: tuple[ClientLogic, ...], mask: str) -> str:
    """SQL: on how many of the client's domains the intervention assumes the client's logic, from
    the column `mask` (Intervention.logic_mask). Only the integers of LOGIC_BITS go into it."""
    return " + ".join(f"(({mask} >> {LOGIC_BITS[item.logic]}) & 1)" for item in client)


def logic_mask(logics: list[str]) -> int:
    """Intervention.logic_mask for these logic codes."""
    return sum(1 << LOGIC_BITS[code] for code in logics)


def explain(client: tuple[ClientLogic, ...], name: str, logics: list[str], domains: Iterable[str] = ()) -> Fit:
    """Reasons where the intervention fits the client, the engine's warnings where it clashes on a domain
    it is about (`domains`; empty: not tied to a domain, so every domain)."""
    reasons, clashes = [], []
    titles = domain_titles()
    about = frozenset(domains)
    for item in client:
        if item.logic in logics:
            reasons.append(_reason(item, titles[item.domain]))
        elif logics and (not about or item.domain in about):
            approaches = [Approach("intervention", name, Logic(code)) for code in logics]
            clashes.append(Clash(item.domain, item.logic, titles[item.domain], alignment_warnings(item.logic, approaches)))
    return Fit(len(reasons), tuple(reasons), tuple(clashes))


def _lower(text: str) -> str:
    return text[:1].lower() + text[1:]


def _reason(item: ClientLogic, domain: dict) -> Reason:
    logic = LOGIC.title(item.logic)
    message = {
        "nl": f"Gaat uit van {_lower(logic['nl'])}, net als de cliënt op {_lower(domain['nl'])}.",
        "en": f"Assumes {_lower(logic['en'])}, like the client on {_lower(domain['en'])}.",
    }
    return Reason(item.domain, item.logic, message)


def explain_record(client: tuple[ClientLogic, ...], name: str, record: dict) -> Fit:
    """explain() for an intervention's record, with the life domains its themes and target groups are about."""
    domains = intervention_domains(record.get("themes") or [], record.get("target_group_codes") or [])
    return explain(client, name, record["logics"], domains)
