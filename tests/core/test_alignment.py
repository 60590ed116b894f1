"""Mismatch warnings between the client's logic and the approaches around them."""

import itertools

import pytest

from slim.core import Logic, alignment_warnings
from slim.core.model import Approach


@pytest.mark.parametrize("client, approach", list(itertools.product(Logic, Logic)))
def test_every_off_diagonal_pair_warns_and_the_diagonal_does_not(client, approach):
    warnings = alignment_warnings(client, [Approach("professional", "eigen aanpak", approach)])
    if client is approach:
        assert warnings == ()
    else:
        (warning,) = warnings
        assert warning.kind == "mismatch"
        assert warning.client_logic is client and warning.subject_logic is approach
        assert warning.consequence.nl and warning.risks
        assert warning.inferred
        assert warning.severity in ("hoog", "middel")


def test_overloaded_client_and_self_steering_approach_is_serious():
    (warning,) = alignment_warnings("sturing", [Approach("intervention", "Direct naar werk", Logic.KANSEN)])
    assert warning.severity == "hoog"
    assert "Direct naar werk" in warning.message.nl


def test_partners_with_different_logics_get_a_team_warning():
    partners = [
        Approach("partner", "Jobcoach", Logic.KANSEN, "UWV"),
        Approach("partner", "Schuldhulp", Logic.STURING, "Gemeente"),
    ]
    kinds = [warning.kind for warning in alignment_warnings(Logic.KANSEN, partners)]
    assert kinds == ["mismatch", "no_shared_strategy"]
    team = alignment_warnings(None, partners)
    assert [warning.kind for warning in team] == ["no_shared_strategy"]
    assert "gezamenlijke overkoepelende strategie" in team[0].message.nl.lower()


def test_matching_team_gives_no_warning():
    partners = [Approach("partner", "A", Logic.ONDERNEMEN), Approach("partner", "B", Logic.ONDERNEMEN)]
    assert alignment_warnings(Logic.ONDERNEMEN, partners) == ()
