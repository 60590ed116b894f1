"""Which conversation type comes next (slim.md §6.4).

Conversations 1 and 2 always come first, until there is a shared goal and plan. Then the
client's logic decides the follow-up: 3 (kansen), 5 (competenties), 6 (sturing) or
7 (ondernemen), as listed in knowledge/conversation_types.yaml. When a conversation stalls,
go back: to 1 when agreements are not kept, to 2 when the client seems to want something
else. Conversation 4 (regelen) runs alongside whenever something has to be arranged.
"""

from __future__ import annotations

from slim.core.errors import InputError
from slim.core.intake import parse_logic
from slim.core.knowledge import conversation_title, conversation_types, logic_title
from slim.core.model import Logic, NextConversation, Text

START, GET_TO_KNOW, ARRANGE = 1, 2, 4
STALL_TARGETS = {"afspraken": START, "andere_wens": GET_TO_KNOW}


def follow_up_for(logic: Logic) -> int:
    """The follow-up conversation type of a logic, from conversation_types.yaml."""
    for number, item in conversation_types().items():
        if item["attributes"].get("logic") == logic.value:
            return number
    raise InputError(
        "invalid_conversation",
        f"Geen vervolggesprek gevonden voor logica '{logic.value}'.",
        f"No follow-up conversation found for logic '{logic.value}'.",
        "logic",
    )


def _stall_reason(target: int, follow_up: int | None) -> Text:
    """Why to go back to `target`, in the words of conversation_types.yaml (the follow-up's rule first)."""
    numbers = ([follow_up] if follow_up else []) + sorted(conversation_types())
    for number in numbers:
        for rule in conversation_types()[number]["attributes"].get("next_on_stall", []):
            if rule["to"] == target:
                return Text.of(rule["when"])
    return Text(nl="Het gesprek hapert.", en="The conversation stalls.")


def next_conversation(
    logic: Logic | str | None,
    has_shared_goal: bool,
    last_flowed: bool | None = None,
    stall_reason: str | None = None,
    needs_arranging: bool = False,
) -> NextConversation:
    """Suggest the next conversation type.

    logic: the client's logic for this domain (None if not read yet).
    has_shared_goal: whether client and professional agreed on a goal and plan.
    last_flowed: True if the last conversation flowed, False if it stalled, None if there was none yet.
    stall_reason: when it stalled, 'afspraken' (agreements not kept) or 'andere_wens' (client wants
        something else); None counts as 'andere_wens': re-reading the client is the safe default.
    needs_arranging: something has to be arranged, so conversation 4 runs alongside.
    """
    if stall_reason not in (None, *STALL_TARGETS):
        allowed = ", ".join(STALL_TARGETS)
        raise InputError(
            "invalid_conversation",
            f"Onbekende reden '{stall_reason}' voor een haperend gesprek. Kies uit: {allowed}.",
            f"Unknown stall reason '{stall_reason}'. Choose from: {allowed}.",
            "stall_reason",
        )
    if logic is not None:
        logic = parse_logic(logic, "logic", "invalid_conversation")
    follow_up = follow_up_for(logic) if logic else None

    if last_flowed is False:
        number = STALL_TARGETS[stall_reason or "andere_wens"]
        why = _stall_reason(number, follow_up)
        reason = Text(
            nl=f"{why.nl} Ga terug naar gesprek {number} en bepaal daarna opnieuw de vervolgaanpak.",
            en=f"{why.en} Go back to conversation {number}, then decide the follow-up approach again.",
        )
    elif not has_shared_goal:
        number = START if last_flowed is None else GET_TO_KNOW
        reason = Text(
            nl="Er is nog geen gezamenlijk doel en plan. Gesprekken 1 (voorwaarden) en 2 (leren kennen) komen altijd eerst.",
            en="There is no shared goal and plan yet. Conversations 1 (conditions) and 2 (getting to know) always come first.",
        )
    elif logic is None:
        number = GET_TO_KNOW
        reason = Text(
            nl="Er is een gezamenlijk doel, maar hoe de cliënt zichzelf ziet is nog niet duidelijk: leer de cliënt beter kennen.",
            en="There is a shared goal, but how the client sees themselves is not clear yet: get to know the client better.",
        )
    else:
        number = follow_up
        title, name = conversation_title(number), logic_title(logic)
        reason = Text(
            nl=f"Er is een gezamenlijk doel en de cliënt ziet zichzelf nu vanuit {name.nl}: het vervolg is gesprek {title.nl}.",
            en=f"There is a shared goal and the client now sees themselves from {name.en}: the follow-up is conversation {title.en}.",
        )
    if needs_arranging:
        reason = Text(
            nl=f"{reason.nl} Er moet ook iets geregeld worden: voer daarnaast gesprek 4 (regelen).",
            en=f"{reason.en} Something also needs arranging: hold conversation 4 (arranging) alongside.",
        )
    return NextConversation(
        number=number,
        title=conversation_title(number),
        reason=reason,
        follow_up=follow_up,
        alongside=ARRANGE if needs_arranging else None,
    )
