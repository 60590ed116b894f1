"""slim.core is a pure domain core: importable without Django, with a small public API."""

import os
import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src"


def test_importing_slim_core_does_not_import_django():
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    subprocess.run(
        [sys.executable, "-c", "import sys, slim.core; assert 'django' not in sys.modules"],
        check=True,
        env=env,
    )


def test_no_django_import_in_the_source():
    for path in (SRC / "slim" / "core").glob("*.py"):
        assert "django" not in path.read_text(encoding="utf-8").lower(), path


def test_public_api():
    import slim.core

    assert set(slim.core.__all__) == {
        "classify", "match_domain", "match_intake", "validate_intake", "alignment_warnings",
        "next_conversation", "evaluate", "InputError", "Logic",
    }
