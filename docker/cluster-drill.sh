#!/usr/bin/env bash
# Cluster drill with real processes: two `java -jar target/recouvrement.jar` on one PostgreSQL, a wave
# of first reminders, node B killed with kill -9 in the middle of the wave and restarted.
# (The same drills inside the build, with the application started as child JVMs on an embedded
# PostgreSQL and the engine clock moved to a weekday: `mvn verify -Pcluster`,
# src/test/java/fr/recouvrement/ClusterDrillTest.java; docs/operations.md, "Drills".)
#
# Needs: a JDK 17 (javac and java, for docker/cluster-drill/DrillTool.java: an SMTP sink that
# counts the emails, the case opener, SQL counts through the PostgreSQL driver inside the jar), bash,
# unzip, the jar (mvn -DskipTests package), and an EMPTY PostgreSQL database this drill may fill
# (it opens CASES business cases with made-up debtors: never point it at production).
#
#   POSTGRES_URL=jdbc:postgresql://localhost:5432/drill POSTGRES_USER=drill POSTGRES_PASSWORD=... \
#   RECOUVREMENT_ADMIN_PASSWORD=some-long-password docker/cluster-drill.sh
#
# Settings (environment): CASES (2000), JAR (target/recouvrement.jar), PORT_A (8081), PORT_B (8082),
# SMTP_PORT (2525), WORK (target/cluster-drill-run), TIMEOUT_MINUTES (40), KILL (1: kill -9 node B at
# half the wave and restart it 10 s later; 0: no kill).
#
# Run it on a working day between 08:00 and 19:00 Paris time: the first reminder (the courtesy email,
# two days before the due date) falls due at once only inside the contact hours of the contact-policy
# table; at other times its timers wait for the next allowed hour and the script stops, saying so.
#
# How it goes:
#   1. node A starts with its job executor OFF and opens CASES cases through its API (invoices due in two
#      days, each debtor with its own email address); their courtesy-email timers are due now but
#      nothing runs them yet. Node A is stopped.
#   2. nodes A and B start together with job executors ON (deployment-aware false, the same jar and
#      models, each its own `hostname` in the engine's job log): the wave starts on both at once.
#   3. when half the emails reached the SMTP sink, node B gets kill -9 (KILL=1), and is restarted 10 s
#      later. Jobs B had locked come back when their lock expires (lock-time 60 s here), a send B left in
#      flight when its lease expires (recouvrement.delivery.lease PT1M here): the attempts that found a
#      live lease retry 5 minutes later (failedJobRetryTimeCycle), so a killed run lasts ~6 minutes more.
#   4. when every case has its email SENT and no job is left to run, it prints the figures: deliveries
#      expected/observed at the SMTP sink, duplicates, lost, `communication` rows, send jobs per node,
#      jobs completed twice, incidents, time. Exit status 0 when nothing is lost, nothing delivered twice
#      outside the crash window (duplicates <= emails in flight when B was killed) and no incident.
#
# What "duplicates inside the crash window" means: an email B handed to the SMTP server but did not
# record as SENT before it died is sent again once its lease expired (at-least-once, docs/operations.md
# "Running two nodes"); the drill counts them and reports the in-flight count it allows.
set -euo pipefail

: "${POSTGRES_URL:?set POSTGRES_URL=jdbc:postgresql://host:5432/an-empty-database}"
: "${POSTGRES_USER:?set POSTGRES_USER}"
: "${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD}"
: "${RECOUVREMENT_ADMIN_PASSWORD:?set RECOUVREMENT_ADMIN_PASSWORD (at least 10 characters)}"
CASES=${CASES:-2000}
JAR=${JAR:-target/recouvrement.jar}
PORT_A=${PORT_A:-8081}
PORT_B=${PORT_B:-8082}
SMTP_PORT=${SMTP_PORT:-2525}
WORK=${WORK:-target/cluster-drill-run}
TIMEOUT_MINUTES=${TIMEOUT_MINUTES:-40}
KILL=${KILL:-1}
HERE=$(cd "$(dirname "$0")" && pwd)
export RECOUVREMENT_ADMIN_PASSWORD

[ -f "$JAR" ] || { echo "No $JAR: build it with mvn -DskipTests package" >&2; exit 2; }
mkdir -p "$WORK/driver" "$WORK/tool"
RUN=$(date +%s | tail -c 7)
MAIL_LOG="$WORK/mail-$RUN.log"
unzip -o -q -j "$JAR" 'BOOT-INF/lib/postgresql-*.jar' -d "$WORK/driver"
javac -d "$WORK/tool" "$HERE/cluster-drill/DrillTool.java"
TOOL=(java -cp "$(ls "$WORK"/driver/postgresql-*.jar | head -1):$WORK/tool" DrillTool)
sql() { "${TOOL[@]}" sql "$POSTGRES_URL" "$POSTGRES_USER" "$POSTGRES_PASSWORD" "$1"; }

PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

"${TOOL[@]}" smtp "$SMTP_PORT" "$MAIL_LOG" >"$WORK/smtp.log" 2>&1 &
PIDS+=($!)

# gone PID: waits until that process has ended (the nodes are not children of this shell: no `wait`)
gone() { while kill -0 "$1" 2>/dev/null; do sleep 1; done; }

# start_node NAME PORT JOB_EXECUTION: runs the jar in the background, prints its pid
start_node() {
  java -jar "$JAR" \
    --spring.profiles.active=postgres \
    --server.port="$2" \
    --recouvrement.data-dir="$WORK/$1" \
    --recouvrement.http.secure-cookies=false \
    --recouvrement.delivery.lease=PT1M \
    --camunda.bpm.job-execution.enabled="$3" \
    --camunda.bpm.job-execution.deployment-aware=false \
    --camunda.bpm.job-execution.lock-time-in-millis=60000 \
    --camunda.bpm.generic-properties.properties.hostname="$1" \
    --spring.mail.host=127.0.0.1 --spring.mail.port="$SMTP_PORT" \
    --spring.datasource.hikari.maximum-pool-size=20 \
    >>"$WORK/$1.log" 2>&1 &
  echo $!
}

echo "== 1. node A (job executor off) opens $CASES cases, run $RUN"
A=$(start_node node-a "$PORT_A" false); PIDS+=("$A")
"${TOOL[@]}" wait-http "$PORT_A" 300
"${TOOL[@]}" open "$PORT_A" "${RECOUVREMENT_ADMIN_USER:-admin}" "$RECOUVREMENT_ADMIN_PASSWORD" "$CASES" "$RUN"
DUE=$(sql "select count(*) from act_ru_job where process_def_key_ = 'amicable-reminders' and duedate_ <= :now")
echo "reminder timers due now: $DUE"
if [ "$DUE" -lt "$CASES" ]; then
  echo "Only $DUE of $CASES first reminders are due now (outside the contact hours or a public holiday?): run the drill on a working day, 08:00-19:00 Paris" >&2
  exit 3
fi
kill "$A"; gone "$A"

echo "== 2. nodes A and B start with job executors on: the wave starts"
START=$(date +%s)
A=$(start_node node-a "$PORT_A" true); PIDS+=("$A")
B=$(start_node node-b "$PORT_B" true); PIDS+=("$B")

KILLED=0
IN_FLIGHT=0
while :; do
  NOW=$(date +%s)
  if [ $((NOW - START)) -gt $((TIMEOUT_MINUTES * 60)) ]; then echo "wave not drained after $TIMEOUT_MINUTES minutes" >&2; break; fi
  MAIL=$("${TOOL[@]}" mail "$MAIL_LOG" "$RUN" "$CASES")
  OBSERVED=$(sed -E 's/.*observed=([0-9]+).*/\1/' <<<"$MAIL")
  SENT=$(sql "select count(*) from communication where channel = 'EMAIL' and status = 'SENT'")
  RUNNABLE=$(sql "select count(*) from act_ru_job where retries_ > 0 and (duedate_ is null or duedate_ <= :now)")
  echo "$((NOW - START)) s: $MAIL sentRows=$SENT runnableJobs=$RUNNABLE"
  if [ "$KILL" = 1 ] && [ "$KILLED" = 0 ] && [ "$OBSERVED" -ge $((CASES / 2)) ]; then
    echo "== 3. kill -9 node B (pid $B) at $OBSERVED of $CASES delivered"
    kill -9 "$B"; gone "$B"; KILLED=1
    IN_FLIGHT=$(sql "select count(*) from communication where channel = 'EMAIL' and status = 'PENDING'")
    echo "email sends in flight when B died: $IN_FLIGHT"
    sleep 10
    echo "restarting node B"
    B=$(start_node node-b "$PORT_B" true); PIDS+=("$B")
  fi
  if [ "$SENT" -ge "$CASES" ] && [ "$RUNNABLE" = 0 ]; then break; fi
  sleep 5
done
END=$(date +%s)

echo "== 4. figures"
MAIL=$("${TOOL[@]}" mail "$MAIL_LOG" "$RUN" "$CASES")
DUPLICATES=$(sed -E 's/.*duplicates=([0-9]+).*/\1/' <<<"$MAIL")
LOST=$(sed -E 's/.*lost=(-?[0-9]+).*/\1/' <<<"$MAIL")
SENT=$(sql "select count(*) from communication where channel = 'EMAIL' and status = 'SENT'")
TWO_ROWS=$(sql "select count(*) from (select case_id from communication where channel = 'EMAIL' group by case_id having count(*) > 1) d")
TWICE=$(sql "select count(*) from (select job_id_ from act_hi_job_log where act_id_ = 'Task_SendReminderEmail' and job_state_ = 2 group by job_id_ having count(*) > 1) d")
INCIDENTS=$(sql "select count(*) from act_ru_incident")
echo "expected=$CASES $MAIL sentRows=$SENT casesWithTwoRows=$TWO_ROWS jobsCompletedTwice=$TWICE incidents=$INCIDENTS killed=$KILLED inFlightAtKill=$IN_FLIGHT time=$((END - START)) s"
echo "send jobs per node (hostname, completed, failed attempts):"
sql "select hostname_, sum(case when job_state_ = 2 then 1 else 0 end), sum(case when job_state_ = 1 then 1 else 0 end) from act_hi_job_log where act_id_ = 'Task_SendReminderEmail' group by hostname_ order by hostname_"

STATUS=0
[ "$LOST" = 0 ] || { echo "FAILED: $LOST reminders lost" >&2; STATUS=1; }
[ "$TWO_ROWS" = 0 ] || { echo "FAILED: $TWO_ROWS cases with two email rows" >&2; STATUS=1; }
[ "$INCIDENTS" = 0 ] || { echo "FAILED: $INCIDENTS incidents left" >&2; STATUS=1; }
[ "$DUPLICATES" -le "$IN_FLIGHT" ] || { echo "FAILED: $DUPLICATES duplicates, more than the $IN_FLIGHT sends in flight at the kill" >&2; STATUS=1; }
[ "$STATUS" = 0 ] && echo "drill passed"
exit "$STATUS"
