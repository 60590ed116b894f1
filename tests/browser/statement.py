"""The figures of the accessibility statement (/toegankelijkheid/) come from the browser tests.

src/slim/data/accessibility.json holds them. A normal test run checks that the file still describes
what the tests do (the same pages, the same axe-core version and rules); with SLIM_A11Y_UPDATE=1 the
tests write their results into it instead, with today's date.
"""

import datetime
import json
import os
import re
from pathlib import Path

import slim

RESULTS = Path(slim.__file__).parent / "data" / "accessibility.json"
UPDATE = os.environ.get("SLIM_A11Y_UPDATE") == "1"
HINT = "Werk de toegankelijkheidsverklaring bij: SLIM_A11Y_UPDATE=1 .venv/bin/pytest tests/browser/test_accessibility.py tests/browser/test_reflow.py"


def page_label(path):
    """A page without its database ids, which differ from run to run: /casussen/12/plan/ -> /casussen/…/plan/."""
    return re.sub(r"(?<=[/=])\d+(?=[/&]|$)", "…", path)


def stored():
    return json.loads(RESULTS.read_text(encoding="utf-8"))


def record(section, value, same):
    """Write value under section (update run), or check that same(stored section, value) holds."""
    data = stored() if RESULTS.exists() else {"status": "C"}
    if UPDATE:
        data[section] = value
        data["checked_on"] = datetime.date.today().isoformat()
        RESULTS.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        return
    assert section in data and same(data[section], value), f"{RESULTS.name} klopt niet meer met de test. {HINT}"
