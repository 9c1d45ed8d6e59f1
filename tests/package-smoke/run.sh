#!/usr/bin/env bash
# Package smoke test: packs SlaEngine and SlaEngine.Cli into a temporary feed, then proves, as a user would see them,
#   1. a fresh console project outside the repository restores `SlaEngine` from that feed (with NodaTime, YamlDotNet
#      and DI.Abstractions from the normal sources), compiles against the packed API, loads a sample policy and
#      evaluates a lead to the expected status, tier and deadline;
#   2. `dotnet tool install` installs `SlaEngine.Cli` from the feed, the `slaengine` command runs, and
#      `slaengine validate` accepts every sample policy (exit 0) and rejects a broken one (exit 1).
# Usage: tests/package-smoke/run.sh [--keep]   (--keep leaves the temporary folder for inspection)
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
keep=false; [[ "${1:-}" == "--keep" ]] && keep=true
# The version being packed (a prerelease such as 0.2.0-preview.1), read from Directory.Build.props.
version="$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' "$repo/Directory.Build.props")"
[[ -n "$version" ]] || { echo "FAIL: no <Version> in Directory.Build.props"; exit 1; }
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

work="$(mktemp -d "${TMPDIR:-/tmp}/slaengine-smoke.XXXXXX")"
cleanup() { if $keep; then echo "kept $work"; else rm -rf "$work"; fi; }
trap cleanup EXIT
feed="$work/feed"; app="$work/app"; tools="$work/tools"
user_packages="${NUGET_PACKAGES:-$HOME/.nuget/packages}"
# A private global-packages folder: a stale SlaEngine cached by an earlier run can never be picked up.
export NUGET_PACKAGES="$work/packages"

echo "== pack into $feed"
dotnet pack "$repo/src/SlaEngine" -c Release -o "$feed" --nologo -v quiet
dotnet pack "$repo/src/SlaEngine.Cli" -c Release -o "$feed" --nologo -v quiet
for f in "SlaEngine.$version.nupkg" "SlaEngine.$version.snupkg" "SlaEngine.Cli.$version.nupkg"; do
  [[ -f "$feed/$f" ]] || { echo "FAIL: $f was not produced"; exit 1; }
done

mkdir -p "$app"
# The temporary feed, the normal sources, and the user's package cache as an offline fallback; SlaEngine* may come
# only from the temporary feed (package source mapping), so the test can only pass with the package just built.
cat > "$app/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="smoke" value="$feed" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
$( [[ -d "$user_packages" ]] && echo "    <add key=\"local-cache\" value=\"$user_packages\" />" )
  </packageSources>
  <packageSourceMapping>
    <packageSource key="smoke"><package pattern="SlaEngine" /><package pattern="SlaEngine.*" /></packageSource>
    <packageSource key="nuget.org"><package pattern="*" /></packageSource>
$( [[ -d "$user_packages" ]] && echo "    <packageSource key=\"local-cache\"><package pattern=\"*\" /></packageSource>" )
  </packageSourceMapping>
</configuration>
XML

echo "== console app referencing SlaEngine $version"
cat > "$app/SmokeApp.csproj" <<'XML'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="SlaEngine" Version="@VERSION@" />
  </ItemGroup>
</Project>
XML
sed -i "s/@VERSION@/$version/" "$app/SmokeApp.csproj"
cat > "$app/Program.cs" <<'CS'
using NodaTime;
using SlaEngine;
using SlaEngine.Evaluation;

var policy = PolicyLoader.LoadFile(args[0]);
var lead = LeadSnapshot.Parse("""
    {"id":"L-1001","mql_at":"2026-11-20T15:30:00Z",
     "attributes":{"rank":91,"employees":250,"purchase_timeline":"1-6 months","email":"ana@acme.com"}}
    """).GetValueOrThrow();
var evaluation = policy.TryEvaluate(lead, Instant.FromUtc(2026, 11, 22, 12, 0)).GetValueOrThrow();
Console.WriteLine(EvaluationJson.Serialize(evaluation));

var due = evaluation.Milestone("first_touch")?.Due;
var ok = policy.Id == "lattice-predictive"
    && evaluation.Status == LeadStatus.Mql
    && evaluation.Tier == "platinum"
    && evaluation.Team == "enterprise"
    && due == Instant.FromUtc(2026, 11, 20, 18, 30);
Console.WriteLine(ok ? "OK: status mql, tier platinum, first touch due 2026-11-20T18:30:00Z" : $"FAIL: {evaluation.Status} {evaluation.Tier} {evaluation.Team} {due}");
return ok ? 0 : 1;
CS
(cd "$app" && dotnet run -c Release -- "$repo/samples/policies/rank-bands.yaml")

echo "== dotnet tool install SlaEngine.Cli"
# The tool package carries its dependencies, so the temporary feed is all it needs; run from $work, which has no
# nuget.config (the app's source mapping would refuse --add-source).
(cd "$work" && dotnet tool install --tool-path "$tools" --add-source "$feed" --version "$version" SlaEngine.Cli)
policies=(); for f in "$repo"/samples/policies/*.yaml; do [[ "$f" == *.tests.yaml ]] || policies+=("$f"); done
"$tools/slaengine" validate "${policies[@]}"
"$tools/slaengine" test "$repo"/samples/policies/*.tests.yaml
printf 'policy: Bad Id\nversion: 0\n' > "$work/broken.yaml"
set +e
"$tools/slaengine" validate "$work/broken.yaml"
status=$?
set -e
[[ $status -eq 1 ]] || { echo "FAIL: validate on a broken policy exited $status, expected 1"; exit 1; }

echo "package smoke test passed"
