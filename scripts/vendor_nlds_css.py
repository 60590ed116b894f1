"""Refresh the vendored NL Design System CSS in src/slim/static/slim/vendor/.

SLIM has no Node build step. This script takes packages that npm installed
somewhere outside the repository and writes plain CSS files next to slim.css:

    cd /tmp/nlds && npm init -y && npm install @utrecht/component-library-css@9 \
        @nl-design-system-unstable/voorbeeld-design-tokens@7
    .venv/bin/python scripts/vendor_nlds_css.py /tmp/nlds/node_modules

It writes
- utrecht-components.min.css: the minified CSS of the Utrecht components SLIM uses (COMPONENTS below);
- nlds-tokens.css: only the design tokens of the NL Design System 'voorbeeld' theme that those
  components and slim.css refer to (directly or through other tokens), so the page does not load
  the whole 200 kB theme;
- LICENSE-utrecht.md and LICENSE-voorbeeld-design-tokens.md, and VERSIONS.txt.
"""

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VENDOR = ROOT / "src" / "slim" / "static" / "slim" / "vendor"
OWN_CSS = [ROOT / "src" / "slim" / "static" / "slim" / "slim.css"]
COMPONENTS = [
    "button", "form-field", "form-label", "form-field-description", "form-field-error-message",
    "form-fieldset", "textbox", "textarea", "select", "checkbox", "radio-button", "table", "skip-link",
]
THEME = "@nl-design-system-unstable/voorbeeld-design-tokens"
VAR_USE = re.compile(r"var\(\s*(--[\w-]+)")
DECLARATION = re.compile(r"^\s*(--[\w-]+)\s*:\s*(.*);\s*$")


def package_version(package_dir):
    return json.loads((package_dir / "package.json").read_text())["version"]


def main(node_modules):
    node_modules = Path(node_modules)
    VENDOR.mkdir(parents=True, exist_ok=True)
    versions, parts = [], []
    for name in COMPONENTS:
        package = node_modules / "@utrecht" / f"{name}-css"
        versions.append(f"@utrecht/{name}-css {package_version(package)}")
        css = (package / "dist" / "index.min.css").read_text().strip()
        parts.append(f"/* @utrecht/{name}-css {package_version(package)} (EUPL-1.2) */\n{css}\n")
    components = "".join(parts)
    (VENDOR / "utrecht-components.min.css").write_text(components)

    theme_dir = node_modules / THEME
    versions.append(f"{THEME} {package_version(theme_dir)}")
    tokens = {}
    for line in (theme_dir / "dist" / "theme.css").read_text().splitlines():
        match = DECLARATION.match(line)
        if match:
            tokens[match.group(1)] = match.group(2)
    wanted = set(VAR_USE.findall(components))
    for path in OWN_CSS:
        wanted |= set(VAR_USE.findall(path.read_text()))
    todo = list(wanted)
    while todo:
        for used in VAR_USE.findall(tokens.get(todo.pop(), "")):
            if used not in wanted:
                wanted.add(used)
                todo.append(used)
    kept = sorted(name for name in tokens if name in wanted)
    lines = [f"/* {THEME} {package_version(theme_dir)} (EUPL-1.2), only the tokens SLIM uses. */", ".voorbeeld-theme {"]
    lines += [f"  {name}: {tokens[name]};" for name in kept]
    lines.append("}")
    (VENDOR / "nlds-tokens.css").write_text("\n".join(lines) + "\n")

    (VENDOR / "LICENSE-utrecht.md").write_text((node_modules / "@utrecht" / "button-css" / "LICENSE.md").read_text())
    (VENDOR / "LICENSE-voorbeeld-design-tokens.md").write_text((theme_dir / "LICENSE.md").read_text())
    (VENDOR / "VERSIONS.txt").write_text("\n".join(versions) + "\n")
    print(f"{len(COMPONENTS)} components, {len(kept)} of {len(tokens)} tokens written to {VENDOR}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/tmp/nlds/node_modules")
