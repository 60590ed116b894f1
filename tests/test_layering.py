"""Apps depend one way, lowest first (docs/architecture.md), and the pure core imports no Django.

Every module under src/slim is parsed with `ast`; each import (also inside functions) of
another slim app must go to an app in a lower layer. Migrations are left out. The imports
that still go the wrong way are listed in KNOWN, to be removed one by one: the test fails
on any new one, and on a listed one that is gone (so the list only shrinks).

Templates follow the same rule: a template belongs to the app whose templates folder holds it
(src/slim/templates: the project), and may include or extend only templates of its own app or
of a lower layer, or the page shell (BASE_TEMPLATES: the page shell and the error pages). Python code may name only such templates
too. The tests themselves are one way as well: no test module imports another test module.
"""

import ast
import pathlib
import re

import pytest

SRC = pathlib.Path(__file__).resolve().parent.parent / "src" / "slim"
TESTS = pathlib.Path(__file__).resolve().parent

# Lowest first; apps in one tuple are on the same layer and must not import each other.
LAYERS = [
    ("core",),
    ("common",),  # shared infrastructure (CSV writer, URL converters, suppression rule, replica, logs, API errors)
    ("knowledge",),
    ("ui",),  # the shared template tags and filters (they show knowledge texts and their sources)
    ("accounts",),
    ("clients",),
    ("matching", "interventions"),
    ("cases",),
    ("mirror", "audit"),
    ("portal",),  # the client's own pages: write to the audit chain, read cases and matching
    ("insights", "privacy", "quality"),  # the dashboards read the mirror's figures; an export reads the audit trail; quality reads the client's views
    ("api",),
    ("operations", "project"),
    ("cli",),
]
LAYER = {app: number for number, apps in enumerate(LAYERS) for app in apps}

# (importing app, imported app): the wrong-way imports still to be taken out (issue 14).
KNOWN = set()


# Modules that import each other (also through function-level imports): none left, and none may come.
KNOWN_CYCLES = []


def _modules():
    for path in sorted(SRC.rglob("*.py")):
        parts = path.relative_to(SRC).with_suffix("").parts
        if "migrations" in parts:
            continue
        name = ".".join(("slim", *parts)).removesuffix(".__init__")
        yield name, path


def _imports(name, path):
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package
            for _level in range(node.level - 1):
                base = base.rpartition(".")[0]
            module = f"{base}.{node.module}" if node.level and node.module else (base if node.level else node.module)
            yield module
            yield from (f"{module}.{alias.name}" for alias in node.names)


def _app(module):
    parts = module.split(".")
    return parts[1] if parts[0] == "slim" and len(parts) > 1 else None


GRAPH = {name: set(_imports(name, path)) for name, path in _modules()}


def wrong_way():
    found = set()
    for name, imported in GRAPH.items():
        app = _app(name)
        for target in imported:
            other = _app(target)
            if app in LAYER and other in LAYER and other != app and LAYER[other] >= LAYER[app]:
                found.add((app, other))
    return found


def test_core_imports_no_django():
    offenders = sorted(
        name for name, imported in GRAPH.items()
        if _app(name) == "core" and any(target.split(".")[0] in ("django", "rest_framework") for target in imported)
    )
    assert offenders == []


def test_every_app_is_on_a_layer():
    apps = {path.parent.name for path in SRC.glob("*/__init__.py")} | {"cli"}
    assert apps - set(LAYER) <= {"templates", "static", "data", "locale"}


def test_no_new_import_against_the_layers():
    assert wrong_way() - KNOWN == set()


def test_the_list_of_known_wrong_way_imports_only_shrinks():
    assert KNOWN - wrong_way() == set()


def module_cycles():
    graph = {name: {target for target in imported if target in GRAPH and target != name} for name, imported in GRAPH.items()}
    index, low, stack, on_stack, cycles = {}, {}, [], set(), []

    def visit(node):  # Tarjan's strongly connected components
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph[node]:
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(cycles)


def test_no_new_module_cycles_and_the_known_ones_only_shrink():
    assert module_cycles() == KNOWN_CYCLES


@pytest.mark.parametrize("app", ["clients", "core"])
def test_these_apps_import_nothing_above_them(app):
    above = {(a, b) for a, b in wrong_way() if a == app}
    assert above == set()


# Templates ---------------------------------------------------------------------------------------
# Project-level templates every app may use: the page shell (its menu only links to URLs) and the
# error pages, which Django itself looks for by these names.
BASE_TEMPLATES = {"base.html", "403.html", "404.html", "500.html", "503.html"}
TEMPLATE_TAG = re.compile(r"{%-?\s*(include|extends)\s+(.*?)\s*-?%}", re.DOTALL)


def _template_folders():
    """(owning app, folder) in the order Django searches them: the project's DIRS, then the apps."""
    yield "project", SRC / "templates"
    for folder in sorted(SRC.glob("*/templates")):
        if folder.parent.name != "templates":
            yield folder.parent.name, folder


def template_owners():
    """Template name -> (owning app, path); the first folder wins, as for Django's loaders."""
    owners = {}
    for app, folder in _template_folders():
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                owners.setdefault(path.relative_to(folder).as_posix(), (app, path))
    return owners


TEMPLATES = template_owners()


def _may_use(app, target):
    """May a template or module of `app` use the template named `target`?"""
    other = TEMPLATES[target][0]
    return other == app or target in BASE_TEMPLATES or (app in LAYER and other in LAYER and LAYER[other] < LAYER[app])


def template_references():
    """(owning app, template name, 'include'/'extends', argument) for every include and extends."""
    for name, (app, path) in sorted(TEMPLATES.items()):
        if path.suffix in (".html", ".txt", ".xml", ".md"):
            for tag, argument in TEMPLATE_TAG.findall(path.read_text(encoding="utf-8")):
                yield app, name, tag, argument


def test_templates_name_the_templates_they_include_or_extend():
    """A literal name, of a template that exists: only then can the rule below be checked.
    Names under admin/ may also be Django admin's own templates, which our admin/index.html builds on."""
    unknown = []
    for app, name, tag, argument in template_references():
        literal = re.match(r"""(["'])([^"']+)\1""", argument)
        if not literal or (literal.group(2) not in TEMPLATES and not literal.group(2).startswith("admin/")):
            unknown.append(f"{name}: {tag} {argument}")
    assert unknown == []


def test_no_template_includes_or_extends_a_template_of_an_app_beside_or_above_it():
    wrong = []
    for app, name, tag, argument in template_references():
        literal = re.match(r"""(["'])([^"']+)\1""", argument)
        if literal and literal.group(2) in TEMPLATES and not _may_use(app, literal.group(2)):
            wrong.append(f"{name} ({app}) {tag} {literal.group(2)} ({TEMPLATES[literal.group(2)][0]})")
    assert wrong == []


def test_python_code_names_only_templates_of_its_own_app_or_below():
    wrong = []
    for name, path in _modules():
        app = _app(name)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value in TEMPLATES:
                if not _may_use(app, node.value):
                    wrong.append(f"{name} ({app}) names {node.value} ({TEMPLATES[node.value][0]})")
    assert wrong == []


def test_the_template_rule_sees_a_wrong_way_include():
    assert not _may_use("accounts", "matching/intake_form.html")
    assert not _may_use("matching", "interventions/_fit.html")  # beside it
    assert _may_use("cases", "ui/forms/field.html") and _may_use("quality", "base.html")
    assert _may_use("project", "interventions/_overview.html")


# Tests -------------------------------------------------------------------------------------------
def test_no_test_module_imports_another_test_module():
    """Shared fixtures go in a conftest.py, shared data and helpers in tests/factories.py, tests/helpers.py."""
    wrong = []
    for path in sorted(TESTS.rglob("test_*.py")):
        if ".venv" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                names = [node.module or ""] + [f"{node.module or ''}.{alias.name}" for alias in node.names]
            elif isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            else:
                continue
            if any(part.startswith("test_") for module in names for part in module.split(".")):
                wrong.append(f"{path.relative_to(TESTS)}:{node.lineno}")
    assert wrong == []
