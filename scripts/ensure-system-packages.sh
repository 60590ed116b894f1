#!/usr/bin/env bash
# The browser tests drive Debian's Chromium; the PDFs use the DejaVu fonts and
# WeasyPrint, which lays out text with Pango; install whichever of them is missing.
set -euo pipefail
missing=()
[ -x "${SLIM_CHROMIUM:-/usr/bin/chromium}" ] || missing+=(chromium)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
libraries=$(ldconfig -p 2>/dev/null || true)
has_library() { grep -q "$1" <<<"$libraries"; }
has_library libpango-1.0.so.0 || missing+=(libpango-1.0-0)
has_library libpangoft2-1.0.so.0 || missing+=(libpangoft2-1.0-0)
has_library libharfbuzz-subset.so.0 || missing+=(libharfbuzz-subset0)
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
echo "Ontbrekende systeempakketten installeren met apt-get: ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
