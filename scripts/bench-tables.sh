#!/usr/bin/env bash
# Whole-process comparison, same run: postfix-lint's load + index of a 10^6-line sender_login_maps source
# vs `postmap lmdb:FILE` building the database from it; and (issue 7 §6) `postfix-lint check -c DIR` on a config
# whose smtpd_sender_login_maps is that table (target <= 0.2x postmap's wall time, peak RSS below postmap's).
# Wall time and peak RSS from /usr/bin/time -v, RUNS (3) alternating fresh processes of each, medians compared.
# check runs the installed Native AOT tool (POSTFIXLINT_BIN, else artifacts/tool/postfix-lint, else the JIT build).
# BEFORE_BIN=PATH also measures that tool's check (SASL off and on) in the same runs (an older build, to compare before/after).
# Then (unless --no-bdn) the BenchmarkDotNet in-process numbers (TableBenchmarks).
set -euo pipefail
cd "$(dirname "$0")/.."
LINES=${LINES:-1000000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# shellcheck source=scripts/lib/packages.sh
source scripts/lib/packages.sh
ensure_packages postfix postfix-lmdb time

dotnet build -c Release tests/PostfixLint.Benchmarks -v q -nologo >/dev/null
dll=tests/PostfixLint.Benchmarks/bin/Release/net10.0/PostfixLint.Benchmarks.dll
# The table is a sender login map that a restriction uses, so check reads it, proves the relay and runs the map rules.
printf 'compatibility_level = 3.6\nsmtpd_sender_login_maps = lmdb:%s/sender_login_maps\nsmtpd_sender_restrictions = reject_sender_login_mismatch\n' "$work" > "$work/main.cf"
cp testdata/examples/debian-default/master.cf "$work/master.cf"
# The same with SASL on, the usual setting for a sender login map: the relay proof's probes then look the map up.
mkdir "$work/sasl"
printf 'compatibility_level = 3.6\nsmtpd_sasl_auth_enable = yes\nsmtpd_sender_login_maps = lmdb:%s/sasl/sender_login_maps\nsmtpd_sender_restrictions = reject_sender_login_mismatch\n' "$work" > "$work/sasl/main.cf"
cp "$work/master.cf" "$work/sasl/master.cf"
ln -s ../sender_login_maps "$work/sasl/sender_login_maps"
ln -s ../sender_login_maps.lmdb "$work/sasl/sender_login_maps.lmdb"
touch -d '-1 min' "$work/main.cf" "$work/master.cf" "$work/sasl/main.cf" "$work/sasl/master.cf"
# The Native AOT tool, as admins run it (built and installed into artifacts/tool when missing, as bench-show.sh does):
# a JIT run would mostly measure start-up.
tool=${POSTFIXLINT_BIN:-artifacts/tool/postfix-lint}
if [[ ! -x $tool ]]; then
  TOOL_PATH=$PWD/artifacts/tool scripts/pack-and-smoke.sh
  tool=artifacts/tool/postfix-lint
fi
check_cmd=("$tool" check -c "$work")
sasl_cmd=("$tool" check -c "$work/sasl")
echo "check: ${check_cmd[*]}"
dotnet "$dll" gen-table "$work/sender_login_maps" "$LINES"
echo "table: $LINES lines, $(stat -c %s "$work/sender_login_maps") bytes"

measure() { # label, command...
  local label=$1; shift
  # check exits 1 when it has findings: only a crash (>= 2) is a failure here.
  /usr/bin/time -v "$@" >"$work/out" 2>"$work/time" || [[ $? -eq 1 ]] || { cat "$work/out" "$work/time"; exit 1; }
  local wall rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$work/time" | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time")
  echo "$label: wall ${wall}s, peak RSS ${rss} KiB" >&2
  echo "$wall $rss"
}

# RUNS alternating pairs (fresh processes each time); the ratios of the medians are reported: the machine is shared.
RUNS=${RUNS:-3}
: >"$work/pm"; : >"$work/us"; : >"$work/ck"; : >"$work/cs"; : >"$work/cb"; : >"$work/csb"
for _ in $(seq "$RUNS"); do
  measure "postmap lmdb" postmap -c "$work" "lmdb:$work/sender_login_maps" >>"$work/pm"
  measure "postfix-lint load+index" dotnet "$dll" load-table "$work/sender_login_maps" >>"$work/us"
  cat "$work/out"
  # The database postmap just built is newer than its source, as on a server.
  measure "postfix-lint check" "${check_cmd[@]}" >>"$work/ck"
  tail -n 1 "$work/out"
  measure "postfix-lint check (SASL on)" "${sasl_cmd[@]}" >>"$work/cs"
  if [[ -n ${BEFORE_BIN:-} ]]; then
    measure "postfix-lint check (before)" "$BEFORE_BIN" check -c "$work" >>"$work/cb"
    measure "postfix-lint check (SASL on, before)" "$BEFORE_BIN" check -c "$work/sasl" >>"$work/csb"
  fi
done
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
pm_wall=$(cut -d' ' -f1 "$work/pm" | median); pm_rss=$(cut -d' ' -f2 "$work/pm" | median)
us_wall=$(cut -d' ' -f1 "$work/us" | median); us_rss=$(cut -d' ' -f2 "$work/us" | median)
echo "medians over $RUNS runs: postmap lmdb ${pm_wall}s ${pm_rss} KiB; postfix-lint ${us_wall}s ${us_rss} KiB"
awk -v a="$us_wall" -v b="$pm_wall" -v c="$us_rss" -v d="$pm_rss" 'BEGIN {
  printf "ratio wall (ours/postmap): %.3f (target <= 0.2)\nratio peak RSS (ours/postmap): %.3f (target <= 1.0)\n", a/b, c/d }'
# report FILE LABEL RATIO-NAME WALL-TARGET RSS-TARGET: the medians of one measured command and its ratios to postmap.
report() {
  local wall rss
  wall=$(cut -d' ' -f1 "$1" | median); rss=$(cut -d' ' -f2 "$1" | median)
  echo "medians over $RUNS runs: $2 ${wall}s ${rss} KiB"
  awk -v a="$wall" -v b="$pm_wall" -v c="$rss" -v d="$pm_rss" -v n="$3" -v tw="$4" -v tr="$5" 'BEGIN {
    printf "ratio %s wall (check/postmap): %.3f%s\nratio %s peak RSS (check/postmap): %.3f%s\n", n, a/b, tw, n, c/d, tr }'
}
report "$work/ck" "postfix-lint check" "check" " (target <= 0.2)" " (target < 1.0)"
report "$work/cs" "postfix-lint check (SASL on)" "check (SASL on)" " (target <= 0.2)" " (target < 1.0)"
if [[ -n ${BEFORE_BIN:-} ]]; then
  report "$work/cb" "postfix-lint check (before)" "check-before" "" ""
  report "$work/csb" "postfix-lint check (SASL on, before)" "check-before (SASL on)" "" ""
fi

if [ "${1:-}" != "--no-bdn" ]; then
  dotnet "$dll" --filter '*TableBenchmarks*' --job short
fi
