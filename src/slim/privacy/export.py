"""Everything SLIM holds about one client (AVG right of access), as data and as a readable document."""

from django.utils import timezone

from slim.audit.models import AuditEvent
from slim.cases.documents import Document, Section
from slim.matching.models import Decision, Intake


def _user(user):
    return {"name": str(user), "organisation": user.organisation} if user else None


def client_data(client):
    cases = []
    for case in client.cases.prefetch_related("members__user", "consents", "domain_goals", "approaches", "actions", "contacts"):
        cases.append(
            {
                "id": case.pk,
                "status": case.status,
                "outcome": case.outcome,
                "created_at": case.created_at.isoformat(),
                "shared_goal": case.shared_goal,
                "client_words": case.client_words,
                "strategy": case.strategy,
                "team": [{"role": m.role, **_user(m.user)} for m in case.members.all()],
                "consents": [
                    {
                        "organisation": c.organisation, "category": c.category, "basis": c.basis,
                        "legal_ground": c.legal_ground, "given_on": str(c.given_on),
                        "withdrawn_on": str(c.withdrawn_on) if c.withdrawn_on else None,
                    }
                    for c in case.consents.all()
                ],
                "domain_goals": [{"domain": g.domain, "goal": g.text} for g in case.domain_goals.all()],
                "approaches": [{"domain": a.domain, "logic": a.logic, "professional": _user(a.user)} for a in case.approaches.all()],
                "actions": [
                    {"description": a.description, "domain": a.domain, "owner": _user(a.owner), "due_on": str(a.due_on) if a.due_on else "",
                     "done_on": str(a.done_on) if a.done_on else None}
                    for a in case.actions.all()
                ],
                "contacts": [
                    {"held_on": str(c.held_on), "professional": _user(c.user), "conversation_type": c.conversation_type,
                     "flowed": c.flowed, "stall_reason": c.stall_reason, "note": c.note}
                    for c in case.contacts.all()
                ],
            }
        )
    return {
        "exported_at": timezone.now().isoformat(),
        "client": {"id": client.pk, "name": client.name, "bsn": client.bsn, "registered_at": client.created_at.isoformat()},
        "cases": cases,
        "intakes": [
            {"at": i.created_at.isoformat(), "by": _user(i.created_by), "input": i.payload, "suggestion": i.result}
            for i in Intake.objects.filter(client=client).select_related("created_by")
        ],
        "decisions": [
            {"domain": d.domain, "suggested": d.suggested_logic, "chosen": d.chosen_logic, "reason": d.reason,
             "by": _user(d.decided_by), "at": d.decided_at.isoformat()}
            for d in Decision.objects.filter(client=client).select_related("decided_by")
        ],
        "access_log": [
            {"at": e.at.isoformat(), "user": e.username, "action": e.action, "page": e.path, "status": e.status}
            for e in AuditEvent.objects.filter(client_id=client.pk).order_by("id")
        ],
    }


def client_document(data):
    """The same data as a plain document for the PDF: headings and lines a client can read."""
    client = data["client"]
    sections = [Section("Gegevens", items=[f"Naam: {client['name']}", f"BSN: {client['bsn'] or 'niet vastgelegd'}"])]
    for case in data["cases"]:
        sections.append(
            Section(
                f"Casus {case['id']} ({case['status']})",
                paragraphs=[p for p in (case["shared_goal"], case["client_words"]) if p],
                items=[f"{m['role']}: {m['name']} ({m['organisation']})" for m in case["team"]]
                + [f"Toestemming {c['organisation']}: {c['category']} sinds {c['given_on']}" for c in case["consents"]]
                + [f"Actie: {a['description']}" + (f" (klaar op {a['due_on']})" if a["due_on"] else "") for a in case["actions"]]
                + [f"Gesprek {c['held_on']}: type {c['conversation_type']}, {'stroomde' if c['flowed'] else 'haperde'}. {c['note']}" for c in case["contacts"]],
            )
        )
    sections.append(
        Section("Besluiten over de aanpak", items=[f"{d['at'][:10]} {d['domain']}: {d['chosen']} ({d['reason'] or 'voorstel gevolgd'})" for d in data["decisions"]])
    )
    sections.append(
        Section("Wie heeft uw gegevens bekeken", items=[f"{e['at'][:16]} {e['user']}: {e['action']} {e['page']}" for e in data["access_log"]])
    )
    return Document(
        title=f"Alle gegevens over {client['name']}",
        intro=["Dit zijn alle gegevens die SLIM over u bewaart, en wie ze heeft bekeken."],
        sections=sections,
        filename=f"slim-gegevens-{client['id']}.pdf",
    )
