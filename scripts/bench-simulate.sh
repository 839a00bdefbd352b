#!/usr/bin/env bash
# Simulator throughput vs real Postfix 3.7 on the same probes, same run (issue 3 target: >= 100x probes/s).
#  1. SimulatorThroughputTests (Release): generated configurations, each on a private Postfix instance answering its
#     probes via XCLIENT (one SMTP session per probe), then the simulator in batch mode in-process (cold and warm).
#  2. Whole process: `postfix-lint simulate -c DIR --probes FILE --format json` on the same configurations, each
#     probe file repeated REPEAT times, against the real probes/s of step 1.
# Needs root (the private instance runs Postfix's master). Env: CASES (4), PROBES (50 per configuration), REPEAT (200).
# The in-process BenchmarkDotNet numbers: dotnet run -c Release --project tests/PostfixLint.Benchmarks -- --filter '*SimulatorBenchmarks*'
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=scripts/lib/packages.sh
source scripts/lib/packages.sh
ensure_packages postfix postfix-pcre postfix-lmdb sasl2-bin libsasl2-modules
CASES=${CASES:-4}
PROBES=${PROBES:-50}
REPEAT=${REPEAT:-200}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

dotnet build -c Release tests/PostfixLint.IntegrationTests -v q -nologo >/dev/null
dotnet build -c Release src/PostfixLint.Cli -v q -nologo >/dev/null
POSTFIXLINT_BENCH_CASES=$CASES POSTFIXLINT_BENCH_PROBES=$PROBES POSTFIXLINT_BENCH_DIR=$work/cases \
    dotnet test -c Release --no-build tests/PostfixLint.IntegrationTests \
    --filter 'FullyQualifiedName~SimulatorThroughputTests' --logger 'console;verbosity=detailed' >"$work/test.log" 2>&1 || true
grep '\[bench\]' "$work/test.log" || { tail -n 40 "$work/test.log"; exit 1; }
grep -q '^ *Passed Reports_simulator_throughput' "$work/test.log" || echo "warning: SimulatorThroughputTests did not pass" >&2

real_per_s=$(sed -n 's/.*\[bench\] real Postfix.*: \([0-9,]*\) probes\/s.*/\1/p' "$work/test.log" | tr -d ,)
# The shipped tool is Native AOT (scripts/pack-and-smoke.sh installs it in artifacts/tool); without it, the JIT build.
tool=${POSTFIXLINT_BIN:-artifacts/tool/postfix-lint}
if [[ -x $tool ]]; then
    run_cli() { "$tool" "$@"; }
    echo "[bench] postfix-lint: $tool (Native AOT)"
else
    run_cli() { dotnet src/PostfixLint.Cli/bin/Release/net10.0/postfix-lint.dll "$@"; }
    echo "[bench] postfix-lint: JIT build (no $tool; POSTFIXLINT_BIN=... or scripts/pack-and-smoke.sh for the AOT tool)"
fi
total=0
for dir in "$work"/cases/*/; do
    for ((i = 0; i < REPEAT; i++)); do cat "$dir/probes.jsonl"; done >"$dir/batch.jsonl"
    total=$((total + $(wc -l <"$dir/batch.jsonl")))
done
start=$(date +%s.%N)
for dir in "$work"/cases/*/; do
    # --server-address: the harness's clients connect to 127.0.0.1, as in the differential suite.
    run_cli simulate -c "$dir" --server-address 127.0.0.1 --probes "$dir/batch.jsonl" --format json >"$dir/out.jsonl" || [[ $? -eq 1 ]]
done
end=$(date +%s.%N)
for dir in "$work"/cases/*/; do
    [[ $(wc -l <"$dir/out.jsonl") -eq $(wc -l <"$dir/batch.jsonl") ]] || { echo "simulate gave too few results in $dir" >&2; exit 1; }
done
awk -v n="$total" -v s="$start" -v e="$end" -v r="$real_per_s" 'BEGIN {
    p = n / (e - s)
    printf "[bench] postfix-lint simulate --probes (whole processes, %d probes, %.2f s): %.0f probes/s\n", n, e - s, p
    printf "[bench] ratio whole-process simulate / real Postfix: %.0fx (target >= 100x)\n", p / r }'
