"""The `slim` console command.

Engine commands (classify, match, evaluate) run on the pure-Python core and
need no database; everything else is handed to Django's management commands,
with `serve` and `setup` as friendly shortcuts.
"""

import json
import os
import sys

ENGINE_COMMANDS = {"classify", "match", "evaluate", "train-words", "calibrate"}
USAGE = """gebruik: slim <opdracht> [opties]

  setup                 database aanmaken, kennisbank, interventies en demodata laden
  serve [adres:poort]   de webapplicatie starten (standaard 127.0.0.1:8000)
  serve --production [adres:poort]   met gunicorn, voor productie (zie docs/deployment.md)
  backup BESTAND        alle gegevens naar één bestand schrijven
  restore BESTAND       een backup terugzetten in een lege database (--force: eerst leegmaken)
  load-knowledge        kennisbank laden uit de databestanden
  load-demo             demogebruikers aanmaken (niet in productie)
  generate-demo --clients N   synthetische gemeente voor de beleidsdashboards (--reset: weer weg)
  refresh-insights      de cijfers van de beleidsdashboards nu opnieuw tellen (voor cron)
  classify "<tekst>"    een uitspraak van een cliënt duiden (JSON)
  classify -            uitspraken van stdin duiden, één per regel of JSON-regels met "text"
                        (en eventueel "domain", "id"); schrijft één JSON-regel per uitspraak
  match BESTAND.json    een hele intake duiden (JSON)
  evaluate [--split holdout4|realholdout2|realdev2|realdev|train4|...|all|field [--file VELDSET]]   nauwkeurigheid,
                        geen-voorstel-percentage en kalibratie van de classifier (all: overzicht per set en stijl)
  train-words [BESTAND]  de woordstatistiek opnieuw tellen uit de trainingssets (engine/words.json)
  train-words --with-field VELDSET --out BESTAND   een nieuw woordbestand mét gelabelde velduitspraken,
                        en de scores op de achtergehouden sets ervoor en erna (verandert engine/words.json niet)
  export-labels [BESTAND]   gelabelde, gemaskeerde uitspraken uit gesloten labelonderzoeken als veldset (JSON)
  calibrate [BESTAND]   de zekerheid opnieuw kalibreren op de ontwikkelsets (engine/calibration.json)
  calibrate --cv        kruisvalidatie: elke ontwikkelset een keer weglaten, per instelling de ECE op die set
  <django-opdracht>     elke andere Django-beheeropdracht (migrate, createsuperuser, ...)
"""


def main(argv=None):
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] in {"-h", "--help", "help"}:
        print(USAGE)
        return 0
    command = args[0]
    if command in ENGINE_COMMANDS:
        try:
            return run_engine_command(command, args[1:])
        except BrokenPipeError:  # the reader stopped early ('slim evaluate | head'): not an error of ours
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error at exit
            return 0
    return run_django_command(command, args[1:])


def run_engine_command(command, rest):
    from slim.core import InputError, classify, match_intake
    from slim.core.evaluate import main as evaluate_main

    if command == "evaluate":
        try:
            return evaluate_main(rest)
        except InputError as error:
            print(error.message, file=sys.stderr)
            return 2
    if command == "calibrate":
        from slim.core.evaluate import cross_validation, format_cross_validation, write_calibration

        if "--cv" in rest:
            print(format_cross_validation(cross_validation()))
            return 0
        print(write_calibration(*rest[:1]))
        return 0
    if command == "train-words":
        from slim.core.words import write_model

        if "--with-field" in rest:
            return train_with_field(rest)
        print(write_model(*rest[:1]))
        return 0
    if len(rest) != 1:
        print(USAGE, file=sys.stderr)
        return 2
    if command == "classify" and rest[0] == "-":
        return classify_lines(sys.stdin, sys.stdout)
    try:
        if command == "classify":
            result = classify(rest[0]).to_dict()
        else:
            result = match_intake(_read_json(rest[0])).to_dict()
    except InputError as error:
        print(json.dumps({"error": error.code, "field": error.field, "detail": error.message}, ensure_ascii=False))
        return 1
    print(json.dumps(result, ensure_ascii=False, indent=2))
    return 0


def train_with_field(rest):
    """`slim train-words --with-field FILE --out PATH`: a new, separate words file counted from the training
    sets plus the field labels, and the held-out scores with the committed and with the new counts side by side.
    Never replaces engine/words.json: using the new file is a deliberate step of its own."""
    import argparse

    from slim.core import InputError
    from slim.core.evaluate import HELD_OUT, OVERVIEW, measure, read_field
    from slim.core.words import counted_from, training_items, write_model

    parser = argparse.ArgumentParser(prog="slim train-words")
    parser.add_argument("--with-field", required=True, dest="field")
    parser.add_argument("--out", required=True)
    arguments = parser.parse_args(rest)
    try:
        field = read_field(arguments.field)
    except InputError as error:
        print(error.message, file=sys.stderr)
        return 2
    target = write_model(arguments.out, field)
    print(f"Nieuwe woordstatistiek: {target} (trainingssets + {len(field)} velduitspraken). engine/words.json is niet veranderd.")
    print(f"{'set':<16}{'n':>5}{'nu':>8}{'nieuw':>8}")
    held = [name for name in OVERVIEW if name in HELD_OUT]
    before = {name: measure(name).report for name in held}
    with counted_from(training_items() + field):
        after = {name: measure(name).report for name in held}
    for name in held:
        print(f"{name:<16}{before[name].n:>5}{before[name].accuracy:>8.3f}{after[name].accuracy:>8.3f}")
    return 0


def classify_lines(lines, out):
    """Batch use: one statement per input line, one JSON line out per statement, in the same order.

    A line is plain text, or a JSON object with "text" and optionally "domain" and "id" (echoed back).
    Blank lines are skipped. A line that cannot be classified gets an error line and the batch goes
    on; the exit status is then 1.
    """
    from slim.core import InputError, classify

    failed = False
    for number, line in enumerate(lines, start=1):
        line = line.strip()
        if not line:
            continue
        head = {"line": number}
        try:
            text, domain = line, None
            if line.startswith("{"):
                try:
                    item = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise InputError("invalid_line", f"Geen geldige JSON: {exc.msg}", f"Invalid JSON: {exc.msg}") from exc
                if not isinstance(item, dict) or not isinstance(item.get("text"), str):
                    raise InputError("invalid_line", 'Een JSON-regel heeft een veld "text".', 'A JSON line needs a "text" field.')
                if "id" in item:
                    head["id"] = item["id"]
                text, domain = item["text"], item.get("domain")
            body = classify(text, domain).to_dict()
        except InputError as error:
            failed = True
            body = {"error": error.code, "field": error.field, "detail": error.message}
        out.write(json.dumps({**head, **body}, ensure_ascii=False) + "\n")
    return 1 if failed else 0


def _read_json(path):
    from slim.core import InputError

    try:
        with open(path, encoding="utf-8") as handle:
            return json.load(handle)
    except OSError as exc:
        raise InputError("invalid_intake", f"Bestand niet te lezen: {exc.strerror}", f"Cannot read file: {exc.strerror}") from exc
    except json.JSONDecodeError as exc:
        raise InputError(
            "invalid_intake", f"Geen geldige JSON (regel {exc.lineno}): {exc.msg}", f"Invalid JSON (line {exc.lineno}): {exc.msg}"
        ) from exc


def run_django_command(command, rest):
    if command == "serve" and "--production" in rest:
        from slim.operations.serve import serve_production

        return serve_production([arg for arg in rest if arg != "--production"])
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "slim.project.settings")
    from django.conf import settings
    from django.core.management import execute_from_command_line

    settings.DATA_DIR.mkdir(parents=True, exist_ok=True)
    if command == "setup":
        for step in (["migrate", "--noinput"], ["load_knowledge"], ["import_interventions"], ["load_demo"]):
            execute_from_command_line(["slim", *step])
        return 0
    if command == "serve":
        command = "runserver"
        rest = rest or ["127.0.0.1:8000"]
    execute_from_command_line(["slim", command.replace("-", "_"), *rest])
    return 0


if __name__ == "__main__":
    sys.exit(main())
