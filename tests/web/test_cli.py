"""The `slim` console command, run as a user would run it."""

import json
import subprocess
import sys

import pytest


def slim(*args, cwd=None):
    return subprocess.run(
        [sys.executable, "-m", "slim.cli", *args], capture_output=True, text=True, cwd=cwd, timeout=120
    )


def test_classify_prints_one_json_object():
    result = slim("classify", "Ik wil wel werken, maar ik weet echt niet hoe ik een sollicitatiebrief schrijf.")
    assert result.returncode == 0, result.stderr
    body = json.loads(result.stdout)
    assert body["logic"] == "competenties"
    assert 0 < body["confidence"] <= 1
    assert body["signals"]


def test_classify_bad_input_exits_nonzero_with_reason():
    result = slim("classify", "   ")
    assert result.returncode == 1
    assert json.loads(result.stdout)["error"] == "empty_text"


def test_match_reads_an_intake_file(tmp_path):
    intake = tmp_path / "intake.json"
    intake.write_text(
        json.dumps({"domains": [{"domain": "wonen", "statements": ["Ik trek het niet meer, alles loopt door elkaar."]}]}),
        encoding="utf-8",
    )
    result = slim("match", str(intake))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["domains"][0]["logic"] == "sturing"


@pytest.mark.parametrize("content, code", [("{kapot", "invalid_intake"), ('{"domains": [{"domain": "maan"}]}', "unknown_domain")])
def test_match_bad_file_is_explained(tmp_path, content, code):
    path = tmp_path / "intake.json"
    path.write_text(content, encoding="utf-8")
    result = slim("match", str(path))
    assert result.returncode == 1
    assert json.loads(result.stdout)["error"] == code


def test_evaluate_prints_accuracy_and_confusion_matrix():
    result = slim("evaluate", "--split", "holdout")
    assert result.returncode == 0, result.stderr
    assert "kansen" in result.stdout and "accuracy" in result.stdout.lower()


def test_help_lists_commands():
    result = slim("--help")
    assert "load-knowledge" in result.stdout and "classify" in result.stdout


def test_evaluate_into_a_reader_that_stops_early_ends_quietly():
    """'slim evaluate | head -1': the closed pipe is the reader's choice, not a traceback."""
    process = subprocess.Popen(
        [sys.executable, "-m", "slim.cli", "evaluate", "--split", "train3"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    process.stdout.close()  # like head, but before the report is written, so the write always fails
    _, errors = process.communicate(timeout=120)
    assert process.returncode == 0 and "Traceback" not in errors
