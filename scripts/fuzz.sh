#!/usr/bin/env bash
# The fuzz campaign of issue 10: builds tests/PostfixLint.Fuzz and runs it (seeded, in process) with the given
# options, by default 10^6 inputs with seed 42, writing fuzz-out/report.txt (first line: result: PASS|FAIL) and
# saving failing and worst inputs under fuzz-out/. Exit 0 when the result is PASS, 1 otherwise.
#   scripts/fuzz.sh                       # 10^6 inputs, seed 42 (about 15 minutes on a 2-core machine)
#   scripts/fuzz.sh --inputs 50000 --seed 7 --out /tmp/fuzz
#   scripts/fuzz.sh --replay fuzz-out/failures/<target>-<hash>
# See tests/PostfixLint.Fuzz/README.md for the targets, mutations, bounds and report.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
dotnet build tests/PostfixLint.Fuzz -c Release -v quiet -nologo
if [[ $# -eq 0 ]]; then
    set -- --inputs 1000000 --seed 42 --hang-after 10 --out fuzz-out
fi
exec nice -n 10 dotnet run --project tests/PostfixLint.Fuzz -c Release --no-build -- "$@"
