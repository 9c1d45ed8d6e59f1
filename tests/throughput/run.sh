#!/usr/bin/env bash
# Throughput of the tool over a generated file: leads/s and peak RSS for evaluate, report, compare and timeline.
#   tests/throughput/run.sh [COUNT]          (default 1,000,000 leads; the file is cached under artifacts/throughput)
# Prints one line per command: command, wall seconds, leads/s, peak RSS (MB), CPU time per lead (user + system).
# Needs GNU time (/usr/bin/time).
set -euo pipefail
cd "$(dirname "$0")/../.."
count=${1:-1000000}
at=2026-11-22T12:00:00Z
policy=samples/policies/rank-bands.yaml
candidate=samples/backtest/rank-bands-v2.yaml
dir=artifacts/throughput
mkdir -p "$dir"
leads="$dir/leads-$count.jsonl"
if [ ! -s "$leads" ]; then
  dotnet run -c Release --project samples/LeadGenerator -- --count "$count" --seed 1 --at "$at" > "$leads"
fi
dotnet build src/SlaEngine.Cli -c Release -v q -nologo > /dev/null
tool="dotnet src/SlaEngine.Cli/bin/Release/net10.0/SlaEngine.Cli.dll"
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (apt-get install time)"; exit 1; }
run() {
  local name=$1; shift
  local log="$dir/$name.time"
  /usr/bin/time -f '%e %M %U %S' -o "$log" $tool "$@" > /dev/null || true
  read -r wall rss user sys < "$log"
  # CPU time per lead (user + system) is the steadier figure on a shared machine; wall time gives leads/s.
  python3 -c "import sys; w=float('$wall'); c=float('$user')+float('$sys'); print(f'{sys.argv[1]:<10} {w:7.2f} s  {int($count/w) if w>0 else 0:>9,} leads/s  {int($rss)/1024:7.1f} MB peak RSS  {c*1e6/$count:5.2f} µs CPU per lead')" "$name"
}
run evaluate evaluate --policy "$policy" --at "$at" --leads "$leads"
run report   report --policy "$policy" --at "$at" --leads "$leads"
if [ -f "$candidate" ]; then run compare compare --base "$policy" --candidate "$candidate" --at "$at" --leads "$leads"; fi
if $tool timeline --help > /dev/null 2>&1; then run timeline timeline --policy "$policy" --at "$at" --leads "$leads"; fi
