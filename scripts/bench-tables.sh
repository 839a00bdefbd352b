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
ck_wall=$(cut -d' ' -f1 "$work/ck" | median); ck_rss=$(cut -d' ' -f2 "$work/ck" | median)
echo "medians over $RUNS runs: postfix-lint check ${ck_wall}s ${ck_rss} KiB"
awk -v a="$ck_wall" -v b="$pm_wall" -v c="$ck_rss" -v d="$pm_rss" 'BEGIN {
  printf "ratio check wall (check/postmap): %.3f (target <= 0.2)\nratio check peak RSS (check/postmap): %.3f (target < 1.0)\n", a/b, c/d }'
cs_wall=$(cut -d' ' -f1 "$work/cs" | median); cs_rss=$(cut -d' ' -f2 "$work/cs" | median)
echo "medians over $RUNS runs: postfix-lint check (SASL on) ${cs_wall}s ${cs_rss} KiB"
awk -v a="$cs_wall" -v b="$pm_wall" -v c="$cs_rss" -v d="$pm_rss" 'BEGIN {
  printf "ratio check (SASL on) wall (check/postmap): %.3f (target <= 0.2)\nratio check (SASL on) peak RSS (check/postmap): %.3f (target < 1.0)\n", a/b, c/d }'
if [[ -n ${BEFORE_BIN:-} ]]; then
  cb_wall=$(cut -d' ' -f1 "$work/cb" | median); cb_rss=$(cut -d' ' -f2 "$work/cb" | median)
  echo "medians over $RUNS runs: postfix-lint check (before) ${cb_wall}s ${cb_rss} KiB"
  awk -v a="$cb_wall" -v b="$pm_wall" -v c="$cb_rss" -v d="$pm_rss" 'BEGIN {
    printf "ratio check-before wall (check/postmap): %.3f\nratio check-before peak RSS (check/postmap): %.3f\n", a/b, c/d }'
  csb_wall=$(cut -d' ' -f1 "$work/csb" | median); csb_rss=$(cut -d' ' -f2 "$work/csb" | median)
  echo "medians over $RUNS runs: postfix-lint check (SASL on, before) ${csb_wall}s ${csb_rss} KiB"
  awk -v a="$csb_wall" -v b="$pm_wall" -v c="$csb_rss" -v d="$pm_rss" 'BEGIN {
    printf "ratio check-before (SASL on) wall (check/postmap): %.3f\nratio check-before (SASL on) peak RSS (check/postmap): %.3f\n", a/b, c/d }'
fi

if [ "${1:-}" != "--no-bdn" ]; then
  dotnet "$dll" --filter '*TableBenchmarks*' --job short
fi
