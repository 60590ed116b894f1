"""The accessibility statement (toegankelijkheidsverklaring) at /toegankelijkheid/.

It follows the structure Dutch government organisations use (organisation, scope, status A–E, what,
how and when we tested, known gaps, contact and complaints). The figures are not typed in by hand:
tests/browser/test_accessibility.py and test_reflow.py check them against data/accessibility.json and
rewrite that file when run with SLIM_A11Y_UPDATE=1.
"""

import json
from functools import lru_cache
from importlib.resources import files

from django.conf import settings
from django.shortcuts import render
from django.utils.dateparse import parse_date

RESULTS = files("slim") / "data" / "accessibility.json"


@lru_cache(maxsize=1)
def results():
    return json.loads(RESULTS.read_text(encoding="utf-8"))


def statement(request):
    data = results()
    pages = data["axe"]["pages"]
    totals = {impact: sum(page[impact] for page in pages) for impact in ("critical", "serious", "moderate", "minor")}
    context = {
        "data": data,
        "checked_on": parse_date(data["checked_on"]),
        "pages": pages,
        "totals": totals,
        "blocking": totals["critical"] + totals["serious"],
        "organisation": settings.SLIM_ORGANISATION,
        "contact": settings.SLIM_ACCESSIBILITY_CONTACT,
    }
    return render(request, "accessibility.html", context)
