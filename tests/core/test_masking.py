"""The masking of names and numbers in labelling studies (issue 19, part 3)."""

from slim.core.masking import mask


def test_numbers_and_addresses_are_masked():
    text = "Mijn BSN is 123456782, bel 06-12345678 of mail piet.jansen@example.nl. Ik woon op Dorpsstraat 12a, 1234 AB."
    masked = mask(text)
    for secret in ("123456782", "06-12345678", "piet.jansen@example.nl", "Dorpsstraat 12", "1234 AB"):
        assert secret not in masked
    assert "[nummer]" in masked and "[telefoon]" in masked and "[e-mail]" in masked and "[postcode]" in masked


def test_dates_and_names_are_masked_but_sentence_starts_are_kept():
    masked = mask("Sinds 3 maart 2024 woont Fatima bij mij. Op 12-05-2023 zei Jan dat het niet ging. Ik wil werken.")
    assert "Fatima" not in masked and "Jan" not in masked
    assert "maart" not in masked and "12-05-2023" not in masked
    assert masked.startswith("Sinds [datum]")
    assert "Ik wil werken." in masked


def test_plain_statement_is_unchanged():
    text = "Ik kan het zelf niet meer overzien, iemand moet met mij meekijken."
    assert mask(text) == text


def test_international_phone_and_house_number():
    masked = mask("Bel +31 6 1234 5678, ik woon op nummer 7.")
    assert "1234" not in masked and "nummer [nummer]" in masked
