#!/usr/bin/env bash
# make bench, latency: the wall time of a command as an operator waits for it, on the sample data, beside its floors
# (the JVM alone; `select 1` over JDBC from a warm JVM). Medians of 5. RUN is how the Makefile runs the jar.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT="$PWD"
RUN=${RUN:-java -jar $ROOT/target/ocmw-merge.jar}
DIR="$ROOT/target/bench/latency"
# a server an earlier bench left up for its idle time is stopped before its folder goes
[ -d "$DIR/.ocmw" ] && (cd "$DIR" && $RUN database stop)
rm -rf "$DIR" && mkdir -p "$DIR/classes"
javac -d "$DIR/classes" bench/latency/Trivial.java bench/latency/JdbcFloor.java
cd "$DIR"
cp -r "$ROOT/jobs" .
export OCMW_DB_IDLE=0
$RUN load access "$ROOT/sample-data/access" >/dev/null
$RUN load dossiers "$ROOT/sample-data/dossiers.csv" >/dev/null
$RUN load online-requests "$ROOT/sample-data/online-requests.csv" >/dev/null
$RUN intake "$ROOT/sample-data/submissions" >/dev/null

median() { sort -n | sed -n 3p; }
wall() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s%N); printf "%.3f\n" "$(echo "scale=3; ($e - $s) / 1000000000" | bc)"; }
five() { for i in 1 2 3 4 5; do wall "$@"; done | median; }

jvm=$(five java -cp classes Trivial)
help=$(five $RUN --help)
typo=$(five $RUN plan pajotegem --out out)
# alone: each command starts the database and stops it (OCMW_DB_IDLE=0)
alone_status=$(five $RUN status)
alone_export=$(five $RUN export access 0212978247 --out out --reason "make bench")
alone_plan=$(five $RUN plan pajottegem --out out)
# one after the other within the idle time (the default): the first starts the database, the next ones find it up
export OCMW_DB_IDLE=5m
idle_status=$(five $RUN status)
idle_export=$(five $RUN export access 0212978247 --out out --reason "make bench")
idle_plan=$(five $RUN plan pajottegem --out out)

# beside the dashboard, as the README's order has it: serve keeps the database up, the commands connect to it
$RUN serve --demo --port 0 > serve.log 2>&1 &
SERVE=$!
trap 'kill $SERVE 2>/dev/null || true' EXIT
for i in $(seq 1 120); do grep -q "Dashboard:" serve.log && break; sleep 0.5; done
port=$(sed -n 4p .ocmw/pgdata/postmaster.pid)
jdbc=$(java -cp "classes:$(ls "$ROOT"/target/app/lib/postgresql-*.jar 2>/dev/null || ls "$ROOT"/target/lib/postgresql-*.jar)" \
  JdbcFloor "jdbc:postgresql://localhost:$port/postgres?user=postgres")
status=$(five $RUN status)
export_access=$(five $RUN export access 0212978247 --out out --reason "make bench")
plan=$(five $RUN plan pajottegem --out out)
kill $SERVE; wait $SERVE 2>/dev/null || true
OCMW_DB_IDLE=0 $RUN status >/dev/null 2>&1 || true

echo
echo "== Command latency on the sample data (wall time, median of 5, $(nproc) cores; $RUN)"
printf '  %-44s %7s s\n' "floor: the JVM starting a trivial class" "$jvm"
printf '  %-44s %7s s\n' "floor: select 1 over JDBC, warm JVM" "$jdbc"
printf '  %-44s %7s s\n' "--help" "$help"
printf '  %-44s %7s s\n' "plan pajotegem (a typo: unknown merger)" "$typo"
printf '  %-38s %8s %22s %24s\n' "" "beside serve" "one after the other" "alone (OCMW_DB_IDLE=0)"
printf '  %-38s %8s s %20s s %22s s\n' "status" "$status" "$idle_status" "$alone_status"
printf '  %-38s %8s s %20s s %22s s\n' "export access 0212978247" "$export_access" "$idle_export" "$alone_export"
printf '  %-38s %8s s %20s s %22s s\n' "plan pajottegem" "$plan" "$idle_plan" "$alone_plan"
