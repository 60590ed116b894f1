"""Reading list parameters, which may be repeated (?theme=a&theme=b) or comma-separated (?theme=a,b)."""


def listed(raw: list[str]) -> list[str]:
    """Every value once, in the given order, without blanks."""
    return list(dict.fromkeys(part.strip() for value in raw for part in value.split(",") if part.strip()))
