#!/usr/bin/env bash
# Packs SesamTalk, SesamTalk.Connectors, SesamTalk.PostgreSql, SesamTalk.EntityFrameworkCore, SesamTalk.Testing and the tool SesamTalk.Emulators at a unique version,
# checks the packages' layout, restores the consumer app (tests/Consumer, outside SesamTalk.sln) from them into an
# isolated packages folder, builds it (which runs the generator from the SesamTalk package) and runs it against the
# custom-system emulator; then installs the tool from the feed (dotnet tool install --tool-path), asks it for --help
# and starts and stops it with SIGTERM. Prints each check; exits non-zero when any step or check fails.
set -euo pipefail
cd "$(dirname "$0")/../.."
root="$PWD"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

version="0.0.0-ci.$(date +%Y%m%d%H%M%S).$$"
feed="$root/artifacts/packages"
packages="$root/artifacts/consumer-packages"
tools="$root/artifacts/consumer-tools"
started=$SECONDS

step() { echo "consumer: $1 ($((SECONDS - started)) s)"; }

step "packing version $version into artifacts/packages"
mkdir -p "$feed"
rm -f "$feed"/SesamTalk*.0.0.0-ci.*.nupkg "$feed"/SesamTalk*.0.0.0-ci.*.snupkg
for project in SesamTalk.Abstractions SesamTalk.Connectors SesamTalk.PostgreSql SesamTalk.EntityFrameworkCore SesamTalk.Testing; do
  dotnet pack "src/$project/$project.csproj" -c Release -p:Version="$version" -o "$feed" -v q --nologo
done
dotnet pack tools/SesamTalk.Emulators/SesamTalk.Emulators.csproj -c Release -p:Version="$version" -o "$feed" -v q --nologo

step "checking the packages' layout"
python3 - "$feed" "$version" <<'PY'
import re, sys, zipfile
feed, version = sys.argv[1], sys.argv[2]
failed = False

def check(what, holds):
    global failed
    print(("  ok    " if holds else "  FAIL  ") + what)
    failed |= not holds

for package_id in ("SesamTalk", "SesamTalk.Connectors", "SesamTalk.PostgreSql", "SesamTalk.EntityFrameworkCore", "SesamTalk.Testing", "SesamTalk.Emulators"):
    with zipfile.ZipFile(f"{feed}/{package_id}.{version}.nupkg") as nupkg:
        names = nupkg.namelist()
        nuspec = nupkg.read(f"{package_id}.nuspec").decode("utf-8")
        tool_settings = nupkg.read("tools/net10.0/any/DotnetToolSettings.xml").decode("utf-8") if "tools/net10.0/any/DotnetToolSettings.xml" in names else ""
    dependencies = set(re.findall(r'<dependency id="([^"]+)"', nuspec))
    check(f"{package_id}: MIT licence, authors, description and README in the nuspec",
          '<license type="expression">MIT</license>' in nuspec and "<authors>SesamTalk contributors</authors>" in nuspec
          and "<description>" in nuspec and "<readme>README.md</readme>" in nuspec and "README.md" in names)
    check(f"{package_id}: XML docs beside every assembly in lib/",
          all(n[:-4] + ".xml" in names for n in names if n.startswith("lib/") and n.endswith(".dll")))
    check(f"{package_id}: no dependency on the generator or Roslyn",
          not any(d.startswith(("SesamTalk.Generators", "Microsoft.CodeAnalysis")) for d in dependencies))
    if package_id == "SesamTalk":
        check("SesamTalk: the generator is in analyzers/dotnet/roslyn4.8/cs and nowhere else",
              [n for n in names if n.endswith("SesamTalk.Generators.dll")] == ["analyzers/dotnet/roslyn4.8/cs/SesamTalk.Generators.dll"])
        check("SesamTalk: the code fixes are beside the generator and nowhere else",
              [n for n in names if n.endswith("SesamTalk.Generators.CodeFixes.dll")] == ["analyzers/dotnet/roslyn4.8/cs/SesamTalk.Generators.CodeFixes.dll"])
        check("SesamTalk: the attributes assembly is in lib/netstandard2.0 and lib/net8.0",
              {"lib/netstandard2.0/SesamTalk.Abstractions.dll", "lib/net8.0/SesamTalk.Abstractions.dll"} <= set(names))
    elif package_id == "SesamTalk.Emulators":
        check("SesamTalk.Emulators: a .NET tool whose one command is sesamtalk-emulators, with no package dependencies",
              '<packageType name="DotnetTool"' in nuspec and re.findall(r'<Command Name="([^"]+)"', tool_settings) == ["sesamtalk-emulators"]
              and not dependencies)
    elif package_id == "SesamTalk.PostgreSql":
        check(f"SesamTalk.PostgreSql: depends on SesamTalk.Connectors {version} and Npgsql",
              f'<dependency id="SesamTalk.Connectors" version="{version}"' in nuspec and "Npgsql" in dependencies)
    else:
        check(f"{package_id}: depends on SesamTalk {version}", f'<dependency id="SesamTalk" version="{version}"' in nuspec)
sys.exit(1 if failed else 0)
PY

step "restoring the consumer into artifacts/consumer-packages (isolated from the machine's package cache)"
rm -rf "$packages"/sesamtalk "$packages"/sesamtalk.connectors "$packages"/sesamtalk.entityframeworkcore "$packages"/sesamtalk.testing
dotnet restore tests/Consumer/SesamTalk.Consumer.csproj -p:SesamTalkVersion="$version" -v q --nologo
for package_id in sesamtalk sesamtalk.connectors sesamtalk.entityframeworkcore sesamtalk.testing; do
  if [ ! -d "$packages/$package_id/$version" ]; then
    echo "  FAIL  $package_id $version was not restored into $packages" >&2
    exit 1
  fi
done
echo "  ok    the four packages restored at $version into artifacts/consumer-packages"

step "building the consumer (the generator runs from the SesamTalk package)"
dotnet build tests/Consumer/SesamTalk.Consumer.csproj -c Release --no-restore -p:SesamTalkVersion="$version" -v q --nologo

assets=tests/Consumer/obj/project.assets.json
if grep -q "analyzers/dotnet/roslyn4.8/cs/SesamTalk.Generators.dll" "$assets" && grep -q "artifacts/consumer-packages" "$assets"; then
  echo "  ok    the compiler took the generator from the SesamTalk package in artifacts/consumer-packages"
else
  echo "  FAIL  the consumer's build did not take the generator from the packed SesamTalk package" >&2
  exit 1
fi

step "running the consumer against the custom-system emulator"
dotnet run --project tests/Consumer/SesamTalk.Consumer.csproj -c Release --no-build -p:SesamTalkVersion="$version"

step "installing the tool SesamTalk.Emulators from artifacts/packages into artifacts/consumer-tools"
rm -rf "$tools"
dotnet tool install --tool-path "$tools" --add-source "$feed" SesamTalk.Emulators --version "$version" >/dev/null
if usage="$("$tools/sesamtalk-emulators" --help)" && [ "${usage%%$'\n'*}" = "Usage: sesamtalk-emulators [options] [Name[:port] ...]" ]; then
  echo "  ok    sesamtalk-emulators --help prints the usage and exits 0"
else
  echo "  FAIL  sesamtalk-emulators --help did not exit 0 with the usage: ${usage%%$'\n'*}" >&2
  exit 1
fi

output="$(mktemp)"
"$tools/sesamtalk-emulators" Customcrm >"$output" 2>&1 &
emulators=$!
for _ in $(seq 1 120); do
  grep -q '^Ready:' "$output" && break
  kill -0 "$emulators" 2>/dev/null || break
  sleep 0.25
done
kill -TERM "$emulators" 2>/dev/null || true
if wait "$emulators" && grep -q '^Stopped\.$' "$output"; then
  echo "  ok    the installed tool started Customcrm, and SIGTERM stopped it with exit code 0"
  rm -f "$output"
else
  echo "  FAIL  the installed tool did not start and stop cleanly:" >&2
  cat "$output" >&2
  exit 1
fi

step "done"
