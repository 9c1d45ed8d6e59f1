#!/usr/bin/env bash
# The monitor's figures in docs/monitor.md: upserts/s, transitions recorded/s and lag p50/p99 for N open leads on
# SQLite and on a throwaway PostgreSQL 15 cluster (fsync on), with one and three monitor processes.
#   tests/SlaEngine.Monitor.Load/measure.sh [LEADS]        (default 100000)
# SQLite with synchronous=FULL pays a disk flush per write: it is measured over LEADS/10 leads unless
# SLAENGINE_MEASURE_FULL_LEADS says otherwise. The machine, the date and the load average before each row go to stderr.
set -euo pipefail
cd "$(dirname "$0")/../.."
LEADS=${1:-100000}
FULL_LEADS=${SLAENGINE_MEASURE_FULL_LEADS:-$((LEADS / 10))}
# A measurement's table row to stdout; its other lines (the steady-state count, the catch-up) to stderr.
measure() { local out; out=$($LOAD measure "$@") || true; grep -v -e '^|' -e '^ready' <<< "$out" | sed 's/^/#   /' >&2; grep '^|' <<< "$out" || true; }
load() { echo "# $(date -u +%Y-%m-%dT%H:%M:%SZ) $1: load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2; }
echo "# $(nproc) cores, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1), $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr), dotnet $(dotnet --version)" >&2
PG_BIN=${SLAENGINE_PG_BIN:-/usr/lib/postgresql/15/bin}
[ -n "${SLAENGINE_MEASURE_NO_BUILD:-}" ] || dotnet build tests/SlaEngine.Monitor.Load -c Release -v q -nologo > /dev/null
WORK=$(mktemp -d /tmp/slaengine-measure.XXXXXX)
chmod 755 "$WORK"
# Run a copy of the build, so that building the repository meanwhile does not change the program under measurement.
cp -r tests/SlaEngine.Monitor.Load/bin/Release/net10.0 "$WORK/bin"
LOAD="dotnet $WORK/bin/SlaEngine.Monitor.Load.dll"
mkdir -p "$WORK/policies"
cp tests/SlaEngine.Monitor.Load/measure-policy.yaml "$WORK/policies/"
AS_PG=""; [ "$(id -u)" -eq 0 ] && AS_PG="runuser -u postgres --"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
mkdir -p "$WORK/pg" && [ -n "$AS_PG" ] && chown postgres:postgres "$WORK/pg"
stop() { $AS_PG "$PG_BIN/pg_ctl" -D "$WORK/pg/data" -m fast -w stop > /dev/null 2>&1 || true; rm -rf "$WORK"; }
trap stop EXIT
$AS_PG "$PG_BIN/initdb" -D "$WORK/pg/data" -A trust -U postgres -E UTF8 --locale=C > /dev/null
$AS_PG "$PG_BIN/pg_ctl" -D "$WORK/pg/data" -l "$WORK/pg/log" -w -o "-p $PORT -k $WORK/pg -c listen_addresses=127.0.0.1 -c max_connections=200" start > /dev/null
PG="Host=127.0.0.1;Port=$PORT;Username=postgres;Maximum Pool Size=40;Command Timeout=300"
echo "| database | processes | open leads | upserts/s | transitions recorded/s | lag p50 | lag p99 |"
echo "| --- | --- | --- | --- | --- | --- | --- |"
# Each database is seeded once (upserts/s), then copied, so the one- and three-process runs start from the same leads.
JUMP=${SLAENGINE_MEASURE_JUMP_DAYS:-4}
for sync in ${SLAENGINE_MEASURE_SQLITE-normal full}; do
  n=$LEADS; [ $sync = full ] && n=$FULL_LEADS
  rm -f "$WORK/seed.db"*
  load "sqlite $sync seed"
  rate=$($LOAD measure --phase seed --provider sqlite --database "$WORK/seed.db" --sqlite-sync $sync --policies "$WORK/policies" --leads $n --writers 1 | sed -n 's/^upserts\/s //p')
  for p in 1 3; do
    load "sqlite $sync, $p process(es)"
    rm -f "$WORK/m.db"*; for f in "$WORK"/seed.db*; do cp "$f" "${f/seed.db/m.db}"; done
    measure --phase run --upserts "$rate" --provider sqlite --database "$WORK/m.db" --sqlite-sync $sync --policies "$WORK/policies" --leads $n --processes $p --jump-days $JUMP
  done
done
psql() { $AS_PG "$PG_BIN/psql" -h 127.0.0.1 -p $PORT -U postgres -qc "$1" postgres; }
psql "CREATE DATABASE seed"
load "postgres seed"
rate=$($LOAD measure --phase seed --provider postgres --database "$PG;Database=seed" --policies "$WORK/policies" --leads $LEADS --writers 8 | sed -n 's/^upserts\/s //p')
for p in 1 3; do
  psql "CREATE DATABASE m$p TEMPLATE seed"
  load "postgres, $p process(es)"
  measure --phase run --upserts "$rate" --provider postgres --database "$PG;Database=m$p" --policies "$WORK/policies" --leads $LEADS --processes $p --jump-days $JUMP
done
load "end"
