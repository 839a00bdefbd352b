#!/usr/bin/env bash
# Packs postfix-lint as a .NET 10 RID-specific tool (pointer package, linux-x64 Native AOT
# package, portable framework-dependent "any" fallback) into artifacts/packages, installs it
# from there into a fresh tool path and runs it once. TOOL_PATH=DIR keeps the install there.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=scripts/lib/packages.sh
source scripts/lib/packages.sh

ensure_packages clang zlib1g-dev file unzip   # clang + zlib: the Native AOT linker; file, unzip: checks below
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

packages=artifacts/packages
project=src/PostfixLint.Cli
# Stale publish folders would be packed as they are (a symbol file from an older setting, say).
rm -rf "$packages" "$project"/bin/Release/net10.0/*/publish
dotnet pack "$project" -c Release                                   # pointer package
dotnet pack "$project" -c Release -r linux-x64                      # Native AOT
dotnet pack "$project" -c Release -r any -p:PublishAot=false        # framework-dependent fallback
ls -l "$packages"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tool_path=${TOOL_PATH:-$work/tools}
rm -rf "$tool_path"
# A private package folder and a feed list with only artifacts/packages: a stale 0.1.0 from the
# user's NuGet cache, or a package of the same name elsewhere, can never be installed instead.
cat >"$work/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="local" value="$PWD/$packages" />
  </packageSources>
</configuration>
XML
version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' Directory.Build.props | head -1)
NUGET_PACKAGES=$work/nuget dotnet tool install --tool-path "$tool_path" \
    --configfile "$work/nuget.config" PostfixLint.Tool --version "$version"

binary=$tool_path/postfix-lint
real=$(readlink -f "$binary")
file "$real"
# A native AOT build is one ELF file; a framework-dependent tool has postfix-lint.dll beside it.
if ! file "$real" | grep -q 'ELF 64-bit' || [[ -e $(dirname "$real")/postfix-lint.dll ]]; then
    echo "error: $real is not the Native AOT build" >&2
    exit 1
fi

echo "== postfix-lint --version"
"$binary" --version
echo "== fallback package runs on the shared runtime"
mkdir -p "$work/any"
unzip -q -o "$packages/PostfixLint.Tool.any.$version.nupkg" -d "$work/any"
dotnet "$work/any/tools/net10.0/any/postfix-lint.dll" --version
echo "== postfix-lint show -c testdata/examples/debian-default -n -x"
"$binary" show -c testdata/examples/debian-default -n -x
echo "== postfix-lint check -c testdata/examples/relay-denied (exit 1 with findings)"
set +e
check_output=$("$binary" check -c testdata/examples/relay-denied)
check_status=$?
set -e
echo "$check_output"
if [[ $check_status -ne 1 ]] || ! grep -q 'PFL503 relay-intent-violated' <<<"$check_output"; then
    echo "error: the Native AOT check did not report the example's findings (exit $check_status)" >&2
    exit 1
fi
echo "== postfix-lint rule PFL501 (embedded rule docs)"
"$binary" rule PFL501 | head -1 | grep -qx '# PFL501 open-relay'

echo "pack-and-smoke: OK"
