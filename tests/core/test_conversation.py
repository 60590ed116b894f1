"""Conversation transitions (slim.md §6.4)."""

import pytest

from slim.core import InputError, Logic, next_conversation


def test_without_a_shared_goal_conversations_one_and_two_come_first():
    assert next_conversation(Logic.KANSEN, has_shared_goal=False).number == 1
    assert next_conversation(Logic.KANSEN, has_shared_goal=False, last_flowed=True).number == 2
    assert next_conversation(None, has_shared_goal=False).follow_up is None


@pytest.mark.parametrize("logic, number", [("kansen", 3), ("competenties", 5), ("sturing", 6), ("ondernemen", 7)])
def test_flow_with_a_shared_goal_leads_to_the_logics_follow_up(logic, number):
    result = next_conversation(logic, has_shared_goal=True, last_flowed=True)
    assert result.number == number == result.follow_up
    assert result.title.nl.startswith(f"{number}.")


def test_shared_goal_but_no_logic_yet_means_getting_to_know_better():
    assert next_conversation(None, has_shared_goal=True).number == 2


def test_stall_goes_back_to_one_or_two():
    assert next_conversation("kansen", True, last_flowed=False, stall_reason="afspraken").number == 1
    assert next_conversation("kansen", True, last_flowed=False, stall_reason="andere_wens").number == 2
    assert next_conversation("kansen", True, last_flowed=False).number == 2


def test_arranging_runs_alongside():
    result = next_conversation("sturing", True, last_flowed=True, needs_arranging=True)
    assert (result.number, result.alongside) == (6, 4)
    assert "gesprek 4" in result.reason.nl


def test_bad_values_are_refused():
    with pytest.raises(InputError) as caught:
        next_conversation("kansen", True, last_flowed=False, stall_reason="moe")
    assert caught.value.field == "stall_reason"
    with pytest.raises(InputError):
        next_conversation("dwang", True)
