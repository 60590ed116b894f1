"""Fixtures shared by the web tests; the data comes from tests/factories.py."""

import pytest

from tests.factories import open_case


@pytest.fixture
def case(professional):
    return open_case(professional, goal="Weer rust in de financiën")


@pytest.fixture
def partner(other_professional):
    return other_professional  # bram, Schuldhulp Stad
