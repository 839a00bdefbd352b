#!/usr/bin/env bash
# The test command: installs what the tests need (Postfix as the oracle, clang/zlib for Native AOT,
# hyperfine for scripts/bench-show.sh), builds the solution and runs the unit and integration tests.
# Idempotent; runs as root on a fresh Debian 12 machine that has the .NET SDK.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=scripts/lib/packages.sh
source scripts/lib/packages.sh

if ! command -v dotnet >/dev/null; then
    echo "error: the .NET SDK (dotnet) is not installed" >&2
    exit 2
fi

ensure_packages postfix postfix-pcre postfix-lmdb postfix-cdb sasl2-bin libsasl2-modules \
    clang zlib1g-dev hyperfine

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build PostfixLint.sln -c Release

results=artifacts/test-results
rm -rf "$results"
mkdir -p "$results"
status=0
for project in tests/PostfixLint.Tests tests/PostfixLint.IntegrationTests; do
    name=$(basename "$project")
    dotnet test "$project" -c Release --no-build --results-directory "$results" \
        --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=normal" || status=$?
done

# The console summary of dotnet test leaves inconclusive tests out of its counts; the TRX
# counters have them: total minus executed (NUnit's Inconclusive becomes NotExecuted).
counter() { # counter NAME FILE
    grep -o "<Counters [^>]*" "$2" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]\+' || echo 0
}
passed=0 failed=0 skipped=0
echo
echo "== test summary"
for trx in "$results"/*.trx; do
    [[ -e $trx ]] || continue
    p=$(counter passed "$trx")
    f=$(( $(counter failed "$trx") + $(counter error "$trx") + $(counter timeout "$trx") + $(counter aborted "$trx") ))
    s=$(( $(counter total "$trx") - $(counter executed "$trx") ))
    printf '%-32s %4d passed, %d failed, %d skipped (inconclusive or not run)\n' \
        "$(basename "$trx" .trx)" "$p" "$f" "$s"
    passed=$((passed + p)) failed=$((failed + f)) skipped=$((skipped + s))
done
if [[ $status -eq 0 && $failed -gt 0 ]]; then
    status=1
fi
if [[ $skipped -gt 0 ]]; then
    echo "note: $skipped test(s) did not run; their messages start with NOT RUN (see the log above)"
fi
echo "summary: $passed passed, $failed failed, $skipped skipped"
exit "$status"
