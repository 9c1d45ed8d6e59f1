#!/usr/bin/env bash
# Regenerates the screenshots of docs/pictures.md from the samples, with the slaengine tool and headless Chromium:
#   bash docs/images/make-screenshots.sh
# Needs the .NET SDK and Debian's `chromium` (or CHROMIUM=/path/to/chrome). Writes docs/images/*.png.
set -euo pipefail
cd "$(dirname "$0")/../.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
chromium=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)}
[ -n "$chromium" ] || { echo "chromium not found: apt-get install -y chromium, or set CHROMIUM" >&2; exit 1; }

dotnet build src/SlaEngine.Cli -c Release -v quiet -nologo >/dev/null
tool() { dotnet src/SlaEngine.Cli/bin/Release/net10.0/SlaEngine.Cli.dll "$@"; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

policy=samples/policies/rank-bands.yaml
at=2026-11-22T12:00:00Z
leads=(L-1001 E-at-risk E-breached-escalated E-met-late E-emea-night-desk E-paused-effort)
pattern=$(printf '"id":"%s"|' "${leads[@]}")
grep -E "${pattern%|}" samples/leads/leads.jsonl > "$work/leads.jsonl"

# One SVG per lead, the page of all of them, and the compliance report by tier and team.
tool timeline --policy "$policy" --at "$at" --leads "$work/leads.jsonl" --format svg --out "$work/svg"
tool timeline --policy "$policy" --at "$at" --leads "$work/leads.jsonl" --format html --out "$work/timelines.html"
tool report --policy "$policy" --at "$at" --leads samples/leads/leads.jsonl --by tier --format html > "$work/report.html" || [ $? -eq 3 ]

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
  svg="$work/svg/$id.svg"
  height=$(grep -o 'height="[0-9.]*"' "$svg" | head -1 | grep -o '[0-9]*' | head -1)
  shoot "$svg" "docs/images/timeline-$id.png" 1200 "$height"
done
shoot "$work/report.html" docs/images/report.png 1280 4000
shoot "$work/timelines.html" docs/images/timeline-page.png 1280 1400
ls -l docs/images/*.png
