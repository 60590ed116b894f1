"""The report of a labelling study and the majority label of each statement (for export-labels).

Export rule (documented in docs/zekerheid.md and the data set's "rule" field): a statement is
exported when it has at least two labels and a strict majority of its labellers chose one
logic; that logic is its label. Ties and single labels are left out.
"""

from collections import Counter

from slim.core.agreement import cohen_kappa, fleiss_kappa, krippendorff_alpha, observed_agreement, pairwise_cohen

from .models import Label, StudyItem

EXPORT_RULE = "at least two labels and a strict majority of the labellers for one logic"


def label_table(study):
    """(items, labellers, {labeller: [logic or None per item]}) with labellers named 'Labelaar 1..n' in the report."""
    items = list(StudyItem.objects.filter(study=study).order_by("number"))
    labels = Label.objects.filter(item__study=study).select_related("labeller")
    users = sorted({label.labeller for label in labels}, key=lambda user: user.username)
    by_item = {(label.item_id, label.labeller_id): label.logic for label in labels}
    table = {user.username: [by_item.get((item.pk, user.pk)) for item in items] for user in users}
    return items, users, table


def majority(labels):
    """The label a strict majority chose, among at least two labels; else None."""
    given = [label for label in labels if label]
    if len(given) < 2:
        return None
    logic, count = Counter(given).most_common(1)[0]
    return logic if count * 2 > len(given) else None


def report(study):
    items, users, table = label_table(study)
    engine = [item.engine_logic or None for item in items]
    per_item = [[table[name][index] for name in table] for index in range(len(items))]
    names = {name: f"Labelaar {number}" for number, name in enumerate(table, start=1)}
    pairs = [
        (names[a], names[b], kappa, observed_agreement(table[a], table[b]))
        for (a, b), kappa in pairwise_cohen(table).items()
    ]
    versus_engine = [(names[name], cohen_kappa(labels, engine), observed_agreement(labels, engine)) for name, labels in table.items()]
    majorities = [majority(labels) for labels in per_item]
    return {
        "items": list(zip(items, per_item, majorities)),
        "labellers": [names[name] for name in table],
        "pairs": pairs,
        "fleiss": fleiss_kappa(per_item),
        "alpha": krippendorff_alpha(per_item),
        "versus_engine": versus_engine,
        "majority_vs_engine": cohen_kappa(majorities, engine),
        "agreed": sum(label is not None for label in majorities),
    }
