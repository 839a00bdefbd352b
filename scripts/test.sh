#!/usr/bin/env bash
# The test command: installs what the tests need (Postfix, the oracle of the integration tests),
# builds the solution and runs the fast unit tests (no Postfix needed), then the integration tests.
#   scripts/test.sh          everything (what .ci/run runs)
#   scripts/test.sh --fast   only tests/PostfixLint.Tests: installs nothing, needs no Postfix, takes seconds
# Idempotent; runs as root on a fresh Debian 12 machine that has the .NET SDK. Native AOT's clang/zlib
# (scripts/pack-and-smoke.sh) and hyperfine (scripts/bench-show.sh) are installed by the scripts that use them.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=scripts/lib/packages.sh
source scripts/lib/packages.sh

projects=(tests/PostfixLint.Tests tests/PostfixLint.IntegrationTests)
case "${1:-}" in
    --fast) projects=(tests/PostfixLint.Tests) ;;
    "") ;;
    *) echo "usage: scripts/test.sh [--fast]" >&2; exit 2 ;;
esac

if ! command -v dotnet >/dev/null; then
    echo "error: the .NET SDK (dotnet) is not installed" >&2
    exit 2
fi

if [[ ${#projects[@]} -gt 1 ]]; then
    # postfix: postconf/postmap/postfix as the oracle (3.7.11, the version the expectations were recorded with);
    # pcre/lmdb/cdb: the table types the differential tests build; sasl2-bin + modules: the private instance's SASL.
    # pre-commit: the hook test commits to a sample config repository with this repository as the hook source.
    ensure_packages postfix postfix-pcre postfix-lmdb postfix-cdb sasl2-bin libsasl2-modules pre-commit git
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build PostfixLint.sln -c Release

results=artifacts/test-results
rm -rf "$results"
mkdir -p "$results"
status=0
for project in "${projects[@]}"; do
    name=$(basename "$project")
    # A test that runs longer than the hang timeout is ended (with its child processes) and fails the run,
    # instead of letting CI wait for its own limit.
    dotnet test "$project" -c Release --no-build --results-directory "$results" \
        --blame-hang-timeout "${TEST_HANG_TIMEOUT:-10m}" --blame-hang-dump-type none \
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
if [[ $failed -gt 0 ]]; then
    # The failures again at the very end, where a log cut to its last lines still shows them.
    echo
    echo "== failed tests"
    for trx in "$results"/*.trx; do
        [[ -e $trx ]] || continue
        python3 - "$trx" <<'PY' || grep -o '<UnitTestResult [^>]*outcome="Failed"[^>]*' "$trx" | grep -o 'testName="[^"]*"'
import sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
for r in ET.parse(sys.argv[1]).getroot().iterfind(".//t:UnitTestResult", ns):
    if r.get("outcome") not in ("Failed", "Error", "Timeout", "Aborted"):
        continue
    print("FAILED", r.get("testName"))
    message = r.findtext(".//t:ErrorInfo/t:Message", default="", namespaces=ns)
    for line in message.splitlines()[:25]:
        print("    " + line[:400])
PY
    done
fi
if [[ $status -eq 0 && $failed -gt 0 ]]; then
    status=1
fi
if [[ $skipped -gt 0 ]]; then
    echo "note: $skipped test(s) did not run; their messages start with NOT RUN (see the log above)"
    # In CI a test that did not run is a failure: nothing may be skipped there (missing corpus, Explicit, Ignore).
    if [[ ${CI:-} == true && $status -eq 0 ]]; then
        status=1
    fi
fi
echo "summary: $passed passed, $failed failed, $skipped skipped"
exit "$status"
