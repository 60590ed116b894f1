"""The counts behind the policy dashboards, every one of them computed by the database.

Nothing here loops over clients: each function is one aggregate query, so the
dashboards stay fast with a hundred thousand clients and a million contacts.
Three things keep them under a second there: the client's current logic is a
flag (Decision.is_current), match or clash is stored on cases and contacts
(cases/alignment.py), and contacts are counted per client as they are recorded
(ContactTally). Distinct clients are counted in two steps, first per client
and then per group, which a hash aggregate does in one pass; COUNT(DISTINCT)
would sort every row for every number.

The functions return plain dicts of numbers, including for every number the
count of distinct clients it rests on; suppression is applied in tables.py.

Definitions used throughout (also explained on the page):

- A client's logic in a life domain is the chosen_logic of their latest
  Decision for that domain (Decision.is_current). Older decisions are history
  and do not count.
- Match and clash (stored, see cases/alignment.py): a professional's approach
  in a life domain matches when it has the client's logic in that domain, and
  clashes when it has another logic. A contact counts as 'clashed' when the
  contacting professional had at least one clash in that case when the contact
  was recorded, 'matched' when they had at least one match and no clash, and
  'not comparable' otherwise. A case counts the same way over all its
  approaches: while open as it is now, once closed as it was at closing.
  Dropout: a closed case with outcome 'afgehaakt' (cliënt haakte af).
"""

from django.db import connection
from django.db.models import Count, Q

from slim.cases.models import Alignment, Case, ContactTally, MemberApproach
from slim.interventions.models import InterventionTag
from slim.matching.models import Decision


class Figures:
    """The query results behind one page or download, each query run at most once (tables share them).

    Built empty, it runs a query the first time a table asks for it. Built from a
    snapshot's stored figures (insights.models.Snapshot), it answers from those.
    """

    def __init__(self, stored=None):
        self._results = {name: _decode(value) for name, value in (stored or {}).items()}

    def get(self, query):
        if query.__name__ not in self._results:
            self._results[query.__name__] = query()
        return self._results[query.__name__]

    def compute_all(self):
        """Every query, as JSON-ready data for a snapshot."""
        return {query.__name__: _encode(self.get(query)) for query in SNAPSHOT_QUERIES}


def _encode(value):
    """Query results as JSON: dicts (often with tuple keys) become pair lists, tuples become lists."""
    if isinstance(value, dict):
        return {"pairs": [[_encode(key), _encode(item)] for key, item in value.items()]}
    if isinstance(value, tuple | list):
        return [_encode(item) for item in value]
    return value


def _decode(value):
    if isinstance(value, dict):
        return {_decode(key): _decode(item) for key, item in value["pairs"]}
    if isinstance(value, list):
        return tuple(_decode(item) for item in value)
    return value


def current_decisions():
    """The latest decision per client and life domain (flagged when saved, see matching.models)."""
    return Decision.objects.filter(is_current=True)


def _fetch(sql, params=()):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _table(model):
    return connection.ops.quote_name(model._meta.db_table)


def client_logics():
    """Clients per life domain and logic: {(domain, logic): clients}, and {domain: clients} as totals."""
    rows = current_decisions().order_by().values_list("domain", "chosen_logic").annotate(clients=Count("pk"))
    cells = {(domain, logic): clients for domain, logic, clients in rows}  # one current decision per client and domain
    totals = {}
    for (domain, _logic), clients in cells.items():
        totals[domain] = totals.get(domain, 0) + clients
    return cells, totals


def client_logics_overall():
    """Per logic: client-domain pairs with that logic, and distinct clients with that logic in any domain."""
    rows = _fetch(f"""
        SELECT chosen_logic, SUM(pairs), COUNT(*)
        FROM (SELECT chosen_logic, client_id, COUNT(*) AS pairs FROM {_table(Decision)}
              WHERE is_current GROUP BY chosen_logic, client_id) per_client
        GROUP BY chosen_logic""")
    return {logic: (int(pairs), clients) for logic, pairs, clients in rows}


def interventions_per_logic():
    """Interventions in the databank per logic they assume (one intervention may assume several)."""
    rows = (
        InterventionTag.objects.filter(term__facet="logic")
        .order_by()
        .values("term__code")
        .annotate(interventions=Count("intervention", distinct=True))
    )
    return {row["term__code"]: row["interventions"] for row in rows}


def _open_approaches(*keys):
    """Approaches in open cases grouped by keys: {keys: (approaches, distinct clients)}.

    A client has at most one open case, so distinct open cases are distinct clients.
    """
    columns = ", ".join(f"approach.{key}" for key in keys)
    outer = ", ".join(keys)
    rows = _fetch(f"""
        SELECT {outer}, SUM(approaches), COUNT(*)
        FROM (SELECT {columns}, approach.case_id, COUNT(*) AS approaches
              FROM {_table(MemberApproach)} approach JOIN {_table(Case)} kase ON kase.id = approach.case_id
              WHERE kase.status = %s GROUP BY {columns}, approach.case_id) per_case
        GROUP BY {outer}""", [Case.Status.OPEN])
    return {tuple(row[:-2]): (int(row[-2]), row[-1]) for row in rows}


def approaches_per_domain_logic():
    """Recorded approaches in open cases: {(domain, logic): (approaches, distinct clients)}."""
    return _open_approaches("domain", "logic")


def approaches_per_logic():
    """Recorded approaches in open cases per logic: {logic: (approaches, distinct clients)}."""
    return {logic: numbers for (logic,), numbers in _open_approaches("logic").items()}


GROUPS = [choice.value for choice in Alignment]


def contacts_by_match():
    """Contacts that flowed or stalled, with the distinct clients behind each number, per alignment."""
    rows = _fetch(f"""
        SELECT alignment, SUM(contacts), COUNT(*), SUM(flowed), SUM(CASE WHEN flowed > 0 THEN 1 ELSE 0 END),
               SUM(contacts - flowed), SUM(CASE WHEN flowed < contacts THEN 1 ELSE 0 END)
        FROM {_table(ContactTally)} WHERE contacts > 0 GROUP BY alignment""")
    names = ("contacts", "clients", "flowed_contacts", "flowed_clients", "stalled_contacts", "stalled_clients")
    groups = {group: dict.fromkeys(names, 0) for group in GROUPS}
    for alignment, *numbers in rows:
        groups[alignment] = {name: int(number or 0) for name, number in zip(names, numbers)}
    return groups


def cases_by_match():
    """Cases, closed cases and dropouts per stored case alignment, with distinct clients."""
    closed = Q(status=Case.Status.CLOSED)
    dropped = closed & Q(outcome=Case.Outcome.DROPPED_OUT)
    rows = (
        Case.objects.order_by()
        .values("alignment")
        .annotate(
            cases=Count("pk"),
            clients=Count("client", distinct=True),
            closed=Count("pk", filter=closed),
            closed_clients=Count("client", distinct=True, filter=closed),
            dropout=Count("pk", filter=dropped),
            dropout_clients=Count("client", distinct=True, filter=dropped),
        )
    )
    names = ("cases", "clients", "closed", "closed_clients", "dropout", "dropout_clients")
    groups = {group: dict.fromkeys(names, 0) for group in GROUPS}
    for row in rows:
        groups[row.pop("alignment")] = row
    return groups


SNAPSHOT_QUERIES = (
    client_logics, client_logics_overall, interventions_per_logic, approaches_per_domain_logic,
    approaches_per_logic, contacts_by_match, cases_by_match,
)
