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


def test_classify_reads_statements_from_stdin_and_writes_json_lines():
    lines = "\n".join([
        "Ik wil wel werken, maar ik weet echt niet hoe ik een sollicitatiebrief schrijf.",
        "",
        json.dumps({"id": "a7", "text": "Ik trek het niet meer, alles loopt door elkaar.", "domain": "wonen"}),
        "   ",
        json.dumps({"text": 3}),
        "{kapot",
        "Ik zoek zelf wel uit hoe ik mijn eigen bedrijfje begin.",
    ]) + "\n"
    result = subprocess.run(
        [sys.executable, "-m", "slim.cli", "classify", "-"], input=lines, capture_output=True, text=True, timeout=120
    )
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [item["line"] for item in out] == [1, 3, 5, 6, 7]  # blank lines skipped, order kept
    assert out[0]["logic"] == "competenties" and out[0]["text"].startswith("Ik wil wel werken")
    assert out[1]["id"] == "a7" and out[1]["domain"] == "wonen" and out[1]["logic"] == "sturing"
    assert out[2]["error"] == "invalid_line" and out[3]["error"] == "invalid_line"
    assert "logic" in out[4]
    assert result.returncode == 1  # some lines failed; the others were still classified


def test_classify_stdin_all_good_exits_zero():
    result = subprocess.run(
        [sys.executable, "-m", "slim.cli", "classify", "-"], input="Ik weet niet hoe het moet.\n",
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.splitlines()) == 1


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
