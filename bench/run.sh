#!/usr/bin/env bash
# make bench: loading speed and memory on generated data, beside the floor of POI's own streaming read.
# Every figure is measured inside the JVM (start-up excluded) under -Xmx256m, on the embedded PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
JAR="$PWD/target/ocmw-merge.jar"
DIR="$PWD/target/bench"
ACCESS_ROWS=${ACCESS_ROWS:-200000}
DOSSIERS=${DOSSIERS:-1000000}
JAVA="java -Xmx256m -jar $JAR"
# the benchmark's own commands (data, floors, drift) are not in the product's jar: they run on it from the tools jar
TOOLS_CP="-cp $JAR -Dloader.path=$PWD/target/ocmw-merge-tools.jar -Dloader.main=be.ocmw.merge.cli.internal.Tools"
TOOLS="java $TOOLS_CP org.springframework.boot.loader.launch.PropertiesLauncher"

# one OS account approves and applies here: four eyes compares the --by names only (never for real: docs/operations.md)
export OCMW_FOUR_EYES=names

mkdir -p "$DIR"
if [ ! -f "$DIR/.generated-$ACCESS_ROWS-$DOSSIERS" ]; then
  echo "== Generating $ACCESS_ROWS access rows (xlsx) and $DOSSIERS dossiers (csv) in $DIR"
  rm -rf "$DIR/bench-access" "$DIR/bench-dossiers.csv"
  $TOOLS sample-data --out "$DIR" --bench-access-rows "$ACCESS_ROWS" --bench-dossiers "$DOSSIERS"
  touch "$DIR/.generated-$ACCESS_ROWS-$DOSSIERS"
fi
cd "$DIR"
# the server the previous commands share stays up for its idle time: stopped now, so that its folder can go
java -jar "$JAR" database stop
rm -rf .ocmw
XLSX="bench-access/0212978247/Maatschappelijk Welzijn.xlsx"

echo "== Floor: POI (excel-streaming-reader) streaming every cell of the $ACCESS_ROWS-row xlsx"
floor=$(java -Xmx256m $TOOLS_CP org.springframework.boot.loader.launch.PropertiesLauncher bench-read-xlsx "$XLSX" | tee >(cat >&2) | sed -E 's/.* in ([0-9.]+) s.*/\1/')

echo "== load access: the same $ACCESS_ROWS-row xlsx into the database"
access=$(OCMW_REPORT_MEMORY=1 $JAVA load access bench-access | tee >(cat >&2) | grep "Work took")
access_s=$(echo "$access" | sed -E 's/Work took ([0-9.]+) s.*/\1/')
access_heap=$(echo "$access" | sed -E 's/.*peak heap ([0-9]+) MB.*/\1/')

echo "== load dossiers: $DOSSIERS dossiers from CSV"
dossiers=$(OCMW_REPORT_MEMORY=1 $JAVA load dossiers bench-dossiers.csv | tee >(cat >&2) | grep "Work took")
dossiers_s=$(echo "$dossiers" | sed -E 's/Work took ([0-9.]+) s.*/\1/')
dossiers_heap=$(echo "$dossiers" | sed -E 's/.*peak heap ([0-9]+) MB.*/\1/')

# apply as an operator runs it: by the launcher of make build (RUN), which gives each command its JVM options
RUN=${RUN:-java -jar $JAR}
# The dossier part of a merger: the 20 OCMWs of bench-dossiers.csv merge (the same registry as the access
# merger below, whose KBOs they are); nothing else of theirs is loaded, so plan and apply do the dossiers.
R="--registry bench-merger/bench-registry.yml"
# a coordinator approves the plan just made (its fingerprint from its summary.json), so that an operator may apply it
approve() {
  java -jar "$JAR" approve bench --fingerprint "$(sed -n 's/^  "fingerprint" : "\([^"]*\)".*/\1/p' "$1/bench/summary.json")" \
    --by bench-coordinator $R | head -1
}
MERGER_ACCOUNTS=${MERGER_ACCOUNTS:-100000}
rm -rf bench-merger
$TOOLS sample-data --out . --bench-merger-accounts "$MERGER_ACCOUNTS"
# the submissions name the merger's HTB: without one its plan is BLOCKED
java -jar "$JAR" intake bench-merger/submissions $R | tail -1
echo "== The dossiers of a merger: $DOSSIERS running dossiers of 20 OCMWs closed and reopened"
dplan_s=$(OCMW_REPORT_MEMORY=1 java -Xmx512m -jar "$JAR" plan bench --out out-dossiers $R | tee >(cat >&2) | grep "Work took" | sed -E 's/Work took ([0-9.]+) s.*/\1/')
dfloor_out=$(OCMW_REPORT_MEMORY=1 $TOOLS bench-apply-floor bench --dossiers $R | tee >(cat >&2))
dfloor_s=$(echo "$dfloor_out" | grep "SQL floor" | sed -E 's/.* in ([0-9.]+) s.*/\1/')
approve out-dossiers
dapply_s=$(OCMW_REPORT_MEMORY=1 $RUN apply bench --out out-dossiers --by bench-operator $R | tee >(cat >&2) | grep "Work took" | sed -E 's/Work took ([0-9.]+) s.*/\1/')

echo "== Reconciliation: the same merger with its accounts applied too, then 1 % drift in the old OCMWs"
java -jar "$JAR" load access bench-merger/access $R | tail -1
java -jar "$JAR" plan bench --out out-dossiers $R | tail -1
approve out-dossiers
java -jar "$JAR" apply bench --out out-dossiers --by bench-operator $R | tail -1
$TOOLS bench-drift bench --percent 1 $R
rec=$(OCMW_REPORT_MEMORY=1 java -jar "$JAR" reconcile bench --out out-reconcile $R | tee >(cat >&2) | grep "Work took")
rec_s=$(echo "$rec" | sed -E 's/Work took ([0-9.]+) s.*/\1/'); rec_heap=$(echo "$rec" | sed -E 's/.*peak heap ([0-9]+) MB.*/\1/')
recs=$(OCMW_RECONCILE_MAX_CORRECTIONS=100000000 OCMW_RECONCILE_MAX_PERCENT=100000 OCMW_REPORT_MEMORY=1 \
       java -jar "$JAR" reconcile bench --apply-safe --out out-reconcile-safe $R | tee >(cat >&2) | grep "Work took")
recs_s=$(echo "$recs" | sed -E 's/Work took ([0-9.]+) s.*/\1/'); recs_heap=$(echo "$recs" | sed -E 's/.*peak heap ([0-9]+) MB.*/\1/')

echo "== The access of a merger: 20 OCMWs, $MERGER_ACCOUNTS accounts (a third of the people in two OCMWs), a fresh database"
java -jar "$JAR" database stop
rm -rf .ocmw
java -jar "$JAR" load access bench-merger/access $R | tail -1
java -jar "$JAR" intake bench-merger/submissions $R | tail -1
tpl=$(OCMW_REPORT_MEMORY=1 java -Xmx256m -jar "$JAR" template bench --out out-workbooks $R | tee >(cat >&2) | grep "Work took")
tpl_s=$(echo "$tpl" | sed -E 's/Work took ([0-9.]+) s.*/\1/'); tpl_heap=$(echo "$tpl" | sed -E 's/.*peak heap ([0-9]+) MB.*/\1/')
plan_s=$(OCMW_REPORT_MEMORY=1 java -jar "$JAR" plan bench --out out $R | tee >(cat >&2) | grep "Work took" | sed -E 's/Work took ([0-9.]+) s.*/\1/')
floor_out=$(OCMW_REPORT_MEMORY=1 $TOOLS bench-apply-floor bench $R | tee >(cat >&2))
floor_s=$(echo "$floor_out" | grep "SQL floor" | sed -E 's/.* in ([0-9.]+) s.*/\1/')
approve out
apply_s=$(OCMW_REPORT_MEMORY=1 $RUN apply bench --out out --by bench-operator $R | tee >(cat >&2) | grep "Work took" | sed -E 's/Work took ([0-9.]+) s.*/\1/')
grants=$(python3 -c "import json;print(json.load(open('out/bench/summary.json'))['grants']['to_create'])" 2>/dev/null || echo "?")

echo "== A national wave: every merger of the registry, one after another, sized like the real OCMWs"
# (WAVE_ACCOUNTS accounts and WAVE_DOSSIERS running dossiers in all), by the launcher as an operator runs the commands
WAVE_ACCOUNTS=${WAVE_ACCOUNTS:-60000}
WAVE_DOSSIERS=${WAVE_DOSSIERS:-150000}
if [ ! -f ".wave-$WAVE_ACCOUNTS-$WAVE_DOSSIERS" ]; then
  rm -rf bench-wave
  (cd "$ROOT" && $TOOLS sample-data --out "$DIR" --bench-wave "$WAVE_ACCOUNTS,$WAVE_DOSSIERS" --registry jobs/mergers-2025.yml)
  touch ".wave-$WAVE_ACCOUNTS-$WAVE_DOSSIERS"
fi
java -jar "$JAR" database stop >/dev/null
rm -rf .ocmw out-wave
W="--registry bench-wave/registry.yml"
wave_heap=0
# one command of the wave; stops the bench when it fails; keeps the largest peak heap of any
wave() {
  if ! OCMW_REPORT_MEMORY=1 $RUN "$@" > wave-step.log 2>&1; then
    cat wave-step.log >&2; echo "the wave stopped: $* failed" >&2; exit 1
  fi
  local heap; heap=$(sed -n 's/.*peak heap \([0-9]*\) MB.*/\1/p' wave-step.log)
  [ -n "$heap" ] && [ "$heap" -gt "$wave_heap" ] && wave_heap=$heap
  grep -v "Work took" wave-step.log | tail -1
}
wave_start=$(date +%s.%N)
wave load access bench-wave/access $W
wave load dossiers bench-wave/dossiers.csv
wave intake bench-wave/submissions $W
wave_loaded=$(date +%s.%N)
wave_mergers=0
for m in $(sed -n 's/^  - id: \(.*\)$/\1/p' bench-wave/registry.yml); do
  wave plan "$m" --out out-wave $W
  wave approve "$m" --fingerprint "$(sed -n 's/^  "fingerprint" : "\([^"]*\)".*/\1/p' "out-wave/$m/summary.json")" --by wave-coordinator $W
  wave apply "$m" --out out-wave --by wave-operator $W
  wave_mergers=$((wave_mergers + 1))
done
wave_end=$(date +%s.%N)

echo
echo "== Results (the loads under -Xmx256m; the merger with the default heap)"
awk -v f="$floor" -v a="$access_s" -v ah="$access_heap" -v d="$dossiers_s" -v dh="$dossiers_heap" \
    -v ar="$ACCESS_ROWS" -v dr="$DOSSIERS" 'BEGIN {
  printf "POI streaming floor, %d-row xlsx:   %6.2f s  %8.0f rows/s\n", ar, f, ar / f;
  printf "load access, %d-row xlsx:          %6.2f s  %8.0f rows/s  peak heap %d MB  = %.2f x the floor\n", ar, a, ar / a, ah, a / f;
  printf "load dossiers, %d-row csv:        %6.2f s  %8.0f rows/s  peak heap %d MB\n", dr, d, dr / d, dh;
}'
awk -v p="$plan_s" -v f="$floor_s" -v a="$apply_s" -v n="$MERGER_ACCOUNTS" -v g="$grants" 'BEGIN {
  printf "plan of the 20-OCMW merger (%d accounts, %s grants): %6.2f s  %8.0f accounts/s\n", n, g, p, n / p;
  printf "the apply statements at once, no batch (floor):     %6.2f s\n", f;
  printf "apply of that merger:                               %6.2f s  = %.2f x the floor\n", a, a / f;
}'
awk -v t="$tpl_s" -v th="$tpl_heap" -v n="$MERGER_ACCOUNTS" 'BEGIN {
  printf "pre-filled workbooks of the 20 OCMWs (%d accounts, -Xmx256m): %6.2f s  %8.0f accounts/s  peak heap %s MB\n", n, t, n / t, th;
}'
awk -v p="$dplan_s" -v f="$dfloor_s" -v a="$dapply_s" -v n="$DOSSIERS" 'BEGIN {
  printf "plan of %d running dossiers of 20 OCMWs (-Xmx512m): %6.2f s  %8.0f dossiers/s\n", n, p, n / p;
  printf "the apply statements at once, no batch (floor):      %6.2f s\n", f;
  printf "apply of those dossiers:                             %6.2f s  %8.0f dossiers/s = %.2f x the floor\n", a, n / a, a / f;
}'
awk -v r="$rec_s" -v rh="$rec_heap" -v s="$recs_s" -v sh="$recs_heap" 'BEGIN {
  printf "reconcile (1 %% drift, 1M dossiers, 100k accounts):  %6.2f s  peak heap %s MB\n", r, rh;
  printf "reconcile --apply-safe (the same drift corrected):  %6.2f s  peak heap %s MB\n", s, sh;
}'
awk -v s="$wave_start" -v l="$wave_loaded" -v e="$wave_end" -v h="$wave_heap" -v n="$wave_mergers" \
    -v a="$WAVE_ACCOUNTS" -v d="$WAVE_DOSSIERS" 'BEGIN {
  printf "national wave, %d mergers (%d accounts, %d running dossiers): loads and intake %.1f s, plan + approve + apply of each %.1f s, in all %.1f s; largest peak heap %d MB\n", n, a, d, l - s, e - l, e - s, h;
}'
