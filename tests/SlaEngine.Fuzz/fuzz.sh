#!/usr/bin/env bash
# Coverage-guided fuzzing of SlaEngine's parsers: SharpFuzz instruments SlaEngine.dll, AFL++ drives the targets.
#
#   tests/SlaEngine.Fuzz/fuzz.sh [--time SECONDS | --execs N] [--smoke] [--out DIR] [TARGET|all]...
#
#   --time SECONDS   fuzz each target for this long (default 60)
#   --execs N        fuzz each target for about N executions instead (AFL++ -E)
#   --smoke          CI mode: a fixed random seed; still fails (exit 1) on any finding, as every run does
#   --out DIR        where AFL++ keeps queues and findings (default artifacts/fuzz/out)
#   TARGET           policy, condition, duration, instant, lead, tests, calendar-op, or all (default)
#
# Installs what it needs (Debian afl++, the SharpFuzz.CommandLine local tool), publishes the harness, instruments
# SlaEngine.dll in the published copy, runs afl-fuzz on each target in turn and prints executions, wall time,
# exec/s, coverage (AFL's bitmap coverage and edges found) and findings. A finding (an input that breaks the contract)
# is replayed in-process to show the exception; copy it under tests/SlaEngine.Fuzz/findings/TARGET/ and fix the core.
# On a shared machine run long campaigns with `nice -n 15`.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
here="$repo/tests/SlaEngine.Fuzz"
seconds=60 execs="" smoke=0 out="$repo/artifacts/fuzz/out" targets=()
while [ $# -gt 0 ]; do
  case "$1" in
    --time) seconds="$2"; shift 2 ;;
    --execs) execs="$2"; shift 2 ;;
    --smoke) smoke=1; shift ;;
    --out) out="$2"; shift 2 ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    *) targets+=("$1"); shift ;;
  esac
done
[ ${#targets[@]} -eq 0 ] && targets=(all)
out="$(realpath -m "$out")"

if ! command -v afl-fuzz > /dev/null; then
  echo "installing afl++ (Debian package)"
  apt-get update -qq > /dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq afl++ > /dev/null
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
cd "$repo"
dotnet tool restore > /dev/null
app="$out/.app"
rm -rf "$app"; mkdir -p "$out"
dotnet publish "$here/SlaEngine.Fuzz.csproj" -c Release -o "$app" -p:UseAppHost=false > "$out/publish.log" 2>&1 \
  || { cat "$out/publish.log"; exit 1; }
# Findings are replayed by an uninstrumented copy: instrumented code needs AFL's shared memory.
rm -rf "$app-plain"; cp -r "$app" "$app-plain"
dotnet sharpfuzz "$app/SlaEngine.dll" > /dev/null
mapfile -t all < <(dotnet "$app-plain/SlaEngine.Fuzz.dll" --list)
[ "${targets[0]}" = all ] && targets=("${all[@]}")

# AFL++ and a .NET fork server: the target binary is `dotnet` (not AFL-instrumented itself), so skip the binary
# check; no CPU pinning or governor check on a shared machine; no core dumps needed (SharpFuzz reports crashes).
export AFL_SKIP_BIN_CHECK=1 AFL_NO_AFFINITY=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 \
       AFL_NO_UI=1 AFL_FAST_CAL=1
stat() { grep -E "^$1 " "$2" | sed 's/.*: //'; }
found=0
printf '%-12s %12s %9s %9s %10s %8s %8s %6s\n' target execs wall_s exec/s bitmap edges crashes hangs
for t in "${targets[@]}"; do
  run="$out/$t"
  rm -rf "$run"; mkdir -p "$run"
  limit=(-V "$seconds"); [ -n "$execs" ] && limit=(-E "$execs")
  [ $smoke -eq 1 ] && limit+=(-s 17)
  dict=(); [ -f "$here/dict/$t.dict" ] && dict=(-x "$here/dict/$t.dict")
  start=$(date +%s)
  # -t: per-input time limit in ms (generous: the machine is shared); -m none: .NET reserves far more than it uses.
  fuzz() {
    afl-fuzz -i "$here/corpus/$t" -o "$run" "${dict[@]}" "${limit[@]}" -t 5000 -m none \
      -- dotnet "$app/SlaEngine.Fuzz.dll" "$t" > "$run/afl.log" 2>&1
  }
  # On a loaded machine a fresh .NET fork server now and then fails its first runs ("No instrumentation detected",
  # "Unable to communicate with fork server") before any input is fuzzed; one retry in a fresh folder gets past it.
  if ! fuzz || [ ! -f "$run/default/fuzzer_stats" ]; then
    cp "$run/afl.log" "$out/$t.first-attempt.log" 2>/dev/null || true
    rm -rf "$run"; mkdir -p "$run"; fuzz || true
  fi
  [ -f "$run/default/fuzzer_stats" ] || { tail -30 "$run/afl.log"; found=1; continue; }
  wall=$(( $(date +%s) - start ))
  s="$run/default/fuzzer_stats"
  execs_done=$(stat execs_done "$s"); crashes=$(stat saved_crashes "$s"); hangs=$(stat saved_hangs "$s")
  printf '%-12s %12s %9s %9s %10s %8s %8s %6s\n' "$t" "$execs_done" "$wall" "$(( execs_done / (wall > 0 ? wall : 1) ))" \
    "$(stat bitmap_cvg "$s")" "$(stat edges_found "$s")" "$crashes" "$hangs"
  if [ "$crashes" != 0 ]; then
    found=1
    for f in $(ls "$run"/default/crashes/id:* | head -3); do
      echo "--- $t finding: $f"
      dotnet "$app-plain/SlaEngine.Fuzz.dll" "$t" "$f" | head -4 || true
    done
    echo "--- $t: $crashes finding(s) in $run/default/crashes"
  fi
  [ "$hangs" != 0 ] && echo "--- $t: $hangs input(s) ran over 5 s (on a busy machine this may be load): $run/default/hangs"
done
exit $found
