"""The English catalogue is complete, current and compiled.

The UI is written in Dutch; English comes from src/slim/locale/en/LC_MESSAGES/django.po.
These tests fail when a string is not translated, when the catalogue no longer
matches the source (someone added or changed a {% translate %} or gettext call
without running makemessages), or when django.mo was not recompiled.

To fix a failure:

    cd src/slim
    ../../.venv/bin/slim makemessages -l en --no-obsolete
    # translate the new entries, remove '#, fuzzy' after checking them
    ../../.venv/bin/slim compilemessages
"""

import gettext as stdlib_gettext
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import translation

PACKAGE_DIR = Path(__file__).resolve().parents[2] / "src" / "slim"
LC_MESSAGES = PACKAGE_DIR / "locale" / "en" / "LC_MESSAGES"
PO_FILE = LC_MESSAGES / "django.po"
MO_FILE = LC_MESSAGES / "django.mo"
FIX_HINT = (
    "Run `cd src/slim && ../../.venv/bin/slim makemessages -l en --no-obsolete`, translate the entries, "
    "then `../../.venv/bin/slim compilemessages`."
)

# A few msgids with non-ASCII characters; they must survive the round trip .po -> .mo -> gettext.
NON_ASCII_SAMPLE = ["Cliënt aanmaken", "Mijn cliënten", "Past bij deze cliënt"]


# --- a small .po parser -------------------------------------------------------------------------

_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\"}
_KEYWORD = re.compile(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+(".*")\s*$')


def _unquote(text):
    text = text.strip()
    if len(text) < 2 or not (text.startswith('"') and text.endswith('"')):
        raise ValueError(f"not a quoted PO string: {text!r}")
    return re.sub(r"\\(.)", lambda m: _ESCAPES.get(m.group(1), "\\" + m.group(1)), text[1:-1])


@dataclass
class Entry:
    line: int
    msgid: str = ""
    msgctxt: str | None = None
    msgid_plural: str | None = None
    msgstr: dict = field(default_factory=dict)  # -1 for a plain msgstr, 0..n for msgstr[n]
    flags: set = field(default_factory=set)
    references: list = field(default_factory=list)
    obsolete: bool = False

    @property
    def key(self):
        return (self.msgctxt, self.msgid, self.msgid_plural)

    @property
    def is_header(self):
        return self.msgid == "" and self.msgctxt is None

    def describe(self):
        where = f" ({self.references[0]})" if self.references else ""
        context = f"[{self.msgctxt}] " if self.msgctxt is not None else ""
        return f"{context}{self.msgid!r}{where}"


def parse_po(text):
    """Entries of a PO file, obsolete (#~) ones marked as such."""
    entries, entry, target = [], None, None

    def finish():
        if entry is not None and (entry.msgstr or entry.msgid or entry.obsolete):
            entries.append(entry)

    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            finish()
            entry, target = None, None
            continue
        if entry is None:
            entry = Entry(line=number)
        if line.startswith("#~"):
            entry.obsolete = True
            line = line[2:].strip()
            if not line or line.startswith("#"):
                continue
        elif line.startswith("#,"):
            entry.flags.update(flag.strip() for flag in line[2:].split(",") if flag.strip())
            continue
        elif line.startswith("#:"):
            entry.references.extend(line[2:].split())
            continue
        elif line.startswith("#"):
            continue
        match = _KEYWORD.match(line)
        if match:
            keyword, index, value = match.groups()
            value = _unquote(value)
            if keyword == "msgctxt":
                entry.msgctxt, target = value, ("msgctxt",)
            elif keyword == "msgid":
                entry.msgid, target = value, ("msgid",)
            elif keyword == "msgid_plural":
                entry.msgid_plural, target = value, ("msgid_plural",)
            else:
                slot = int(index) if index is not None else -1
                entry.msgstr[slot], target = value, ("msgstr", slot)
        elif line.startswith('"') and target is not None:
            if target[0] == "msgstr":
                entry.msgstr[target[1]] += _unquote(line)
            else:
                setattr(entry, target[0], getattr(entry, target[0]) + _unquote(line))
        else:
            raise ValueError(f"line {number}: cannot parse {raw!r}")
    finish()
    return entries


def read_po(path):
    return parse_po(Path(path).read_text(encoding="utf-8"))


def nplurals(entries):
    header = next(e for e in entries if e.is_header and not e.obsolete)
    match = re.search(r"nplurals\s*=\s*(\d+)", header.msgstr.get(-1, ""))
    assert match, "the catalogue header has no Plural-Forms line"
    return int(match.group(1))


@pytest.fixture(scope="module")
def catalogue():
    assert PO_FILE.exists(), f"{PO_FILE} is missing. {FIX_HINT}"
    return [entry for entry in read_po(PO_FILE) if not entry.obsolete]


@pytest.fixture(scope="module")
def messages(catalogue):
    return [entry for entry in catalogue if not entry.is_header]


# --- (a) every entry is translated --------------------------------------------------------------


def test_parser_reads_multiline_and_plural_entries():
    sample = (
        'msgid ""\nmsgstr ""\n"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'
        '#: a.html:1\n#, fuzzy, python-format\nmsgid ""\n"Een \\"lange\\" "\n"zin"\nmsgstr "A long"\n\n'
        'msgctxt "menu"\nmsgid "%(n)s regel"\nmsgid_plural "%(n)s regels"\nmsgstr[0] "%(n)s line"\nmsgstr[1] ""\n\n'
        '#~ msgid "Oud"\n#~ msgstr "Old"\n'
    )
    header, long, plural, old = parse_po(sample)
    assert header.is_header and nplurals([header]) == 2
    assert long.msgid == 'Een "lange" zin' and long.flags == {"fuzzy", "python-format"}
    assert long.references == ["a.html:1"]
    assert plural.key == ("menu", "%(n)s regel", "%(n)s regels")
    assert plural.msgstr == {0: "%(n)s line", 1: ""}
    assert old.obsolete and old.msgstr == {-1: "Old"}


def test_catalogue_has_messages(messages):
    assert len(messages) > 100, "the English catalogue is (nearly) empty"


def test_every_entry_is_translated(catalogue, messages):
    forms = nplurals(catalogue)
    missing = []
    for entry in messages:
        if entry.msgid_plural is None:
            if not entry.msgstr.get(-1):
                missing.append(entry.describe())
        else:
            empty = [n for n in range(forms) if not entry.msgstr.get(n)]
            if empty:
                missing.append(f"{entry.describe()} (plural forms {empty})")
    assert not missing, f"{len(missing)} untranslated entries in {PO_FILE.name}:\n  " + "\n  ".join(missing)


def test_no_entry_is_fuzzy(catalogue):
    fuzzy = [entry.describe() if not entry.is_header else "the header" for entry in catalogue if "fuzzy" in entry.flags]
    assert not fuzzy, (
        f"{len(fuzzy)} fuzzy entries in {PO_FILE.name} (check the translation, then remove '#, fuzzy'):\n  "
        + "\n  ".join(fuzzy)
    )


_PLACEHOLDER = re.compile(r"%\((\w+)\)[#0 +-]*\d*(?:\.\d+)?[sdifr]|%[sdif]|\{\{\s*\w+\s*\}\}")
_TAG = re.compile(r"</?([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>")
_ENTITY = re.compile(r"&(?:[a-zA-Z]+|#\d+|#x[0-9a-fA-F]+);")


def _shape(text):
    """What a translation must keep from its source: placeholders, HTML tags and entities."""
    return (
        sorted(set(m.group(0).replace(" ", "") for m in _PLACEHOLDER.finditer(text))),
        sorted(("/" if m.group(0).startswith("</") else "") + m.group(1).lower() for m in _TAG.finditer(text)),
        sorted(_ENTITY.findall(text)),
    )


def test_translations_keep_placeholders_tags_and_entities(messages):
    broken = []
    for entry in messages:
        if entry.msgid_plural is None:
            pairs = [(entry.msgid, entry.msgstr.get(-1, ""))]
        else:
            # The singular form may drop the number ("one intervention"), so compare names only.
            pairs = [(entry.msgid_plural, text) for n, text in sorted(entry.msgstr.items()) if n > 0]
            pairs.append((entry.msgid, entry.msgstr.get(0, "")))
        for source, text in pairs:
            if text and _shape(source) != _shape(text):
                broken.append(f"{entry.describe()}: {text!r}")
    assert not broken, "translations that lost or changed a placeholder, tag or entity:\n  " + "\n  ".join(broken)


# --- (b) the catalogue matches the source code --------------------------------------------------


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="GNU gettext (xgettext) is not installed")
def test_catalogue_is_current(catalogue, tmp_path, monkeypatch, settings):
    """Extract the messages from a copy of the source tree and compare with the committed catalogue."""
    tree = tmp_path / "slim"
    shutil.copytree(
        PACKAGE_DIR,
        tree,
        ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "*.po", "*.pot", "*.mo", "var", "node_modules"),
    )
    (tree / "locale").mkdir(exist_ok=True)
    settings.LOCALE_PATHS = [str(tree / "locale")]  # never touch the real catalogue
    monkeypatch.chdir(tree)
    call_command("makemessages", locale=["en"], no_obsolete=True, verbosity=0)

    fresh = {entry.key: entry for entry in read_po(tree / "locale" / "en" / "LC_MESSAGES" / "django.po")
             if not entry.is_header and not entry.obsolete}
    committed = {entry.key: entry for entry in catalogue if not entry.is_header}
    missing = [fresh[key].describe() for key in sorted(fresh.keys() - committed.keys(), key=str)]
    stale = [committed[key].describe() for key in sorted(committed.keys() - fresh.keys(), key=str)]
    problems = []
    if missing:
        problems.append(f"{len(missing)} msgids in the source are missing from {PO_FILE.name}:\n  " + "\n  ".join(missing))
    if stale:
        problems.append(f"{len(stale)} msgids in {PO_FILE.name} are no longer in the source:\n  " + "\n  ".join(stale))
    assert not problems, "\n".join(problems) + "\n" + FIX_HINT


# --- (c) django.mo is compiled from the current django.po ---------------------------------------


def test_mo_file_matches_po(catalogue, messages):
    assert MO_FILE.exists(), f"{MO_FILE} is missing. {FIX_HINT}"
    with MO_FILE.open("rb") as handle:
        compiled = stdlib_gettext.GNUTranslations(handle)
    forms = nplurals(catalogue)
    expected = {}
    for entry in messages:
        msgid = entry.msgid if entry.msgctxt is None else f"{entry.msgctxt}\x04{entry.msgid}"
        if "fuzzy" in entry.flags:
            continue  # msgfmt leaves fuzzy entries out; test_no_entry_is_fuzzy reports them
        if entry.msgid_plural is None:
            if entry.msgstr.get(-1):
                expected[msgid] = entry.msgstr[-1]
        elif all(entry.msgstr.get(n) for n in range(forms)):
            for n in range(forms):
                expected[(msgid, n)] = entry.msgstr[n]
    actual = {key: value for key, value in compiled._catalog.items() if key != ""}
    outdated = sorted(
        (repr(key if isinstance(key, str) else key[0]) for key in expected.keys() | actual.keys()
         if expected.get(key) != actual.get(key)),
    )
    assert not outdated, (
        f"{MO_FILE.name} does not match {PO_FILE.name} for {len(outdated)} entries (run compilemessages):\n  "
        + "\n  ".join(dict.fromkeys(outdated))
    )


def test_django_serves_the_english_catalogue(catalogue, messages):
    assert nplurals(catalogue) == 2, "English has two plural forms: one (n=1) and other"
    wrong = []
    with translation.override("en"):
        for entry in messages:
            if "fuzzy" in entry.flags:
                continue
            if entry.msgid_plural is None:
                want = entry.msgstr.get(-1)
                if not want:
                    continue
                if entry.msgctxt is None:
                    got = translation.gettext(entry.msgid)
                else:
                    got = translation.pgettext(entry.msgctxt, entry.msgid)
                if got != want:
                    wrong.append(f"{entry.describe()}: got {got!r}, want {want!r}")
                continue
            for n, count in ((0, 1), (1, 2)):
                want = entry.msgstr.get(n)
                if not want:
                    continue
                if entry.msgctxt is None:
                    got = translation.ngettext(entry.msgid, entry.msgid_plural, count)
                else:
                    got = translation.npgettext(entry.msgctxt, entry.msgid, entry.msgid_plural, count)
                if got != want:
                    wrong.append(f"{entry.describe()} (n={count}): got {got!r}, want {want!r}")
    assert not wrong, f"gettext under 'en' disagrees with {PO_FILE.name} (run compilemessages):\n  " + "\n  ".join(wrong)


@pytest.mark.parametrize("msgid", NON_ASCII_SAMPLE)
def test_non_ascii_msgids_are_translated(msgid, messages):
    by_id = {entry.msgid: entry for entry in messages if entry.msgctxt is None and entry.msgid_plural is None}
    if msgid not in by_id:
        pytest.skip(f"{msgid!r} is no longer used in the source")
    with translation.override("en"):
        assert translation.gettext(msgid) == by_id[msgid].msgstr.get(-1)
    with translation.override("nl"):
        assert translation.gettext(msgid) == msgid
