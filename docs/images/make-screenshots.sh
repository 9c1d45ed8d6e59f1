#!/usr/bin/env bash
# Regenerates the screenshots of docs/pictures.md from the samples, with the SlaEngine.Pictures library
# (docs/images/render-pictures.cs, a file-based .NET program) and headless Chromium:
#   bash docs/images/make-screenshots.sh
# Needs the .NET SDK and Debian's `chromium` (or CHROMIUM=/path/to/chrome). Writes docs/images/*.png.
set -euo pipefail
cd "$(dirname "$0")/../.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
chromium=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)}
[ -n "$chromium" ] || { echo "chromium not found: apt-get install -y chromium, or set CHROMIUM" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The sample leads' SVGs, their page and the sample compliance report (by tier and team), drawn by the library.
dotnet run docs/images/render-pictures.cs -- "$work" >/dev/null
leads=(L-1001 E-at-risk E-breached-escalated E-met-late E-emea-night-desk E-paused-effort)

shoot() { # shoot FILE PNG WIDTH HEIGHT
  local profile; profile=$(mktemp -d)
  "$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --user-data-dir="$profile" --hide-scrollbars \
    --proxy-server=http://127.0.0.1:9 --host-resolver-rules='MAP * ~NOTFOUND' \
    --window-size="$3,$4" --screenshot="$2" "file://$(realpath "$1")" >/dev/null 2>&1
  rm -rf "$profile"
  python3 docs/images/trim-png.py "$2"
}

for id in "${leads[@]}"; do
  svg="$work/$id.svg"
  height=$(grep -o 'height="[0-9.]*"' "$svg" | head -1 | grep -o '[0-9]*' | head -1)
  shoot "$svg" "docs/images/timeline-$id.png" 1200 "$height"
done
shoot "$work/report.html" docs/images/report.png 1280 4000
shoot "$work/timelines.html" docs/images/timeline-page.png 1280 1400
ls -l docs/images/*.png
