"""Warnings when the approaches around a client do not fit the client's logic.

A mismatch between how the client sees themselves and the logic an approach works from
predicts friction: resistance, dropping out, rigidity, stagnation (slim.md §1, §3.4). The
consequences and risks per pair come from the mismatch matrix in knowledge/logics.yaml;
engine/alignment.yaml grades how serious each clash is. A matching approach gives no warning.
"""

from __future__ import annotations

from collections.abc import Iterable

from slim.core.knowledge import logic_definitions, logic_title, read_data
from slim.core.model import Approach, Logic, MatchWarning, Text

SUBJECT_NL = {"professional": "uw eigen aanpak", "intervention": "interventie", "partner": "partner"}
SUBJECT_EN = {"professional": "your own approach", "intervention": "intervention", "partner": "partner"}


def _severity(client: Logic, approach: Logic) -> str:
    table = read_data("engine/alignment.yaml")
    high = table["high"].get(client.value, [])
    return table["high_severity"] if approach.value in high else table["default_severity"]


def _subject(approach: Approach, language: dict[str, str], first: bool = False) -> str:
    if approach.kind == "professional":
        subject = language["professional"]
    else:
        organisation = f" ({approach.organisation})" if approach.organisation else ""
        subject = f"{language[approach.kind]} '{approach.name}'{organisation}"
    return subject[:1].upper() + subject[1:] if first else subject


def mismatch_warning(client: Logic, approach: Approach) -> MatchWarning:
    """The warning for one approach that works from a different logic than the client's."""
    cell = logic_definitions()[client]["attributes"]["mismatch"][approach.logic.value]
    consequence = Text.of(cell["consequence"])
    client_title, approach_title = logic_title(client), logic_title(approach.logic)
    return MatchWarning(
        kind="mismatch",
        message=Text(
            nl=f"{_subject(approach, SUBJECT_NL, first=True)} werkt vanuit {approach_title.nl}, de cliënt ziet zichzelf "
            f"hier vanuit {client_title.nl}. {consequence.nl}",
            en=f"{_subject(approach, SUBJECT_EN, first=True)} works from {approach_title.en}, while the client sees "
            f"themselves here from {client_title.en}. {consequence.en}",
        ),
        severity=_severity(client, approach.logic),
        subject=approach.name,
        subject_kind=approach.kind,
        subject_logic=approach.logic,
        client_logic=client,
        consequence=consequence,
        risks=tuple(cell["risks"]),
    )


def strategy_warning(approaches: Iterable[Approach]) -> MatchWarning | None:
    """A warning when the professionals around the client work from different logics (success factor 3)."""
    people = [approach for approach in approaches if approach.kind in ("professional", "partner")]
    logics = {approach.logic for approach in people}
    if len(logics) < 2:
        return None
    listing_nl = "; ".join(f"{_subject(approach, SUBJECT_NL)}: {logic_title(approach.logic).nl}" for approach in people)
    listing_en = "; ".join(f"{_subject(approach, SUBJECT_EN)}: {logic_title(approach.logic).en}" for approach in people)
    return MatchWarning(
        kind="no_shared_strategy",
        message=Text(
            nl=f"Geen gezamenlijke overkoepelende strategie: de betrokkenen werken vanuit verschillende logica's "
            f"({listing_nl}). Spreek via de casusregie één strategie af.",
            en=f"No shared overarching strategy: the people involved work from different logics ({listing_en}). "
            "Agree on one strategy through case direction (casusregie).",
        ),
        severity=read_data("engine/alignment.yaml")["default_severity"],
        risks=("weerstand", "stagnatie"),
    )


def alignment_warnings(client_logic: Logic | str | None, approaches: Iterable[Approach]) -> tuple[MatchWarning, ...]:
    """One warning per approach that clashes with the client's logic, plus one if the team is divided.

    approaches: the professional's own approach, each intervention in the plan and each partner.
    With no client logic (nothing read yet) only the team warning can appear.
    """
    approaches = tuple(approaches)
    warnings = []
    if client_logic is not None:
        client = Logic(client_logic)
        warnings.extend(mismatch_warning(client, approach) for approach in approaches if approach.logic is not client)
    team = strategy_warning(approaches)
    if team:
        warnings.append(team)
    return tuple(warnings)
