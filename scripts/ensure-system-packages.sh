#!/usr/bin/env bash
# The browser tests drive Debian's Chromium and the PDFs use the DejaVu fonts;
# install whichever of them is missing.
set -euo pipefail
missing=()
[ -x "${SLIM_CHROMIUM:-/usr/bin/chromium}" ] || missing+=(chromium)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
echo "Ontbrekende systeempakketten installeren met apt-get: ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
