"""A client's current logic per life domain, derived from the latest decision."""


def current_decisions(client, domains):
    """Rows of (domain code, domain title, latest Decision or None), in domain order."""
    latest = {}
    for decision in client.decisions.all():  # newest first
        latest.setdefault(decision.domain, decision)
    return [(code, title, latest.get(code)) for code, title in domains.items()]
