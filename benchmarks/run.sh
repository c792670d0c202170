#!/usr/bin/env bash
# The benchmark harness. Builds the jar, starts Bazaar (bench profile) against the local PostgreSQL, Redis and
# RabbitMQ, seeds, warms up, runs every scenario of scenarios.tsv round after round with the server variants
# interleaved (A B A B), measures the JVM's RSS and CPU during each, adds pgbench baselines, stops what it
# started, and writes benchmarks/results/<date>-<name>/ (raw outputs, results.json, report.md, charts).
#
#   benchmarks/run.sh                      full run: 10k products, 2 rounds of 10 s per scenario
#   benchmarks/run.sh --smoke              every scenario for 2 s on 1k products (CI runs this)
#   benchmarks/run.sh --scenarios hello,products_hot --duration 30s --connections 128
#   benchmarks/run.sh --scenarios hello,products_hot@nocache      one variant of a scenario
#   benchmarks/run.sh --scaling            throughput against instances (1, 2, 4) and data size (1k, 10k, 100k)
#   benchmarks/run.sh --order-pages        the buffers one order-list page touches at 10k and 1M orders
#   benchmarks/run.sh --wallet-pages       the buffers one transfer-history page touches at 10k and 1M transfers
#   benchmarks/run.sh --notifications      notifications/s from a burst of events, webhook deliveries/s with and
#                                          without a dead receiver beside the healthy ones
#   benchmarks/run.sh --scenarios checkout,checkout_browse --warmup 30s --duration 20s
#                                          the checkout mix (wrk/checkout.lua) in the Docker image's JVM flags:
#                                          its throughput in the rounds, then fresh starts at constant rates of 30,
#                                          50 and 70% of it (--loads 50,70,90 to choose) and the reads alone at 70%:
#                                          idle RSS, latency to p99.9, outbox and consumer lag, peak RSS
#   benchmarks/run.sh --profile ...        after the measured rounds, one more run of each selected scenario with
#                                          async-profiler attached: flame/<scenario>@<variant>.html (CPU, and
#                                          allocations in flame/<scenario>@<variant>-alloc.html); not in the figures
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"

DURATION=10s WARMUP=3s CONNECTIONS=64 THREADS=2 ROUNDS=2 PRODUCTS=10000 NAME=full ONLY="" BUILD=1 SCALING=0 ORDER_PAGES=0 WALLET_PAGES=0 NOTIFICATIONS=0 PROFILE=0
# The checkout mix's constant rates, as percentages of the throughput it sustained in the rounds (70 is the goal's).
LOADS="30 50 70"
# Payments seeded for the webhook scenario (each capture settles one, so enough for every round) and for pgbench.
WEBHOOKS=40000 PGBENCH_WEBHOOKS=40000
# Commission events published at once to the wallet's consumer (the payout scenario's companion figure).
CONSUMER_EVENTS=20000
PORT=${BENCH_PORT:-8088} DB=${BENCH_DB:-bazaar_bench} OUT_BASE=benchmarks/results
# A RabbitMQ virtual host of the benchmark's own, made afresh by each run: what a stopped server leaves in its queues
# (under load the consumers may be behind) never reaches the test suite's queues or the next run's.
VHOST=${BENCH_VHOST:-bazaar-bench}
ARGS="$*"
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) DURATION=$2; shift ;;
    --warmup) WARMUP=$2; shift ;;
    --connections) CONNECTIONS=$2; shift ;;
    --threads) THREADS=$2; shift ;;
    --rounds) ROUNDS=$2; shift ;;
    --products) PRODUCTS=$2; shift ;;
    --scenarios) ONLY=$2; shift ;;
    --name) NAME=$2; shift ;;
    --out) OUT_BASE=$2; shift ;;
    --no-build) BUILD=0 ;;
    --profile) PROFILE=1 ;;
    --loads) LOADS=${2//,/ }; shift ;;
    --smoke) DURATION=2s WARMUP=0s ROUNDS=1 PRODUCTS=1000 CONNECTIONS=16 NAME=smoke WEBHOOKS=3000 PGBENCH_WEBHOOKS=5000 CONSUMER_EVENTS=500 LOADS=70 ;;
    --scaling) SCALING=1 NAME=scaling ;;
    --order-pages) ORDER_PAGES=1 NAME=order-pages ;;
    --wallet-pages) WALLET_PAGES=1 NAME=wallet-pages ;;
    --notifications) NOTIFICATIONS=1 NAME=notifications ;;
    *) echo "unknown flag $1" >&2; exit 2 ;;
  esac
  shift
done

for tool in wrk psql pgbench python3 java rabbitmqctl; do
  command -v "$tool" >/dev/null || { echo "benchmarks need $tool (apt-get install wrk postgresql-client)" >&2; exit 2; }
done

OUT="$OUT_BASE/$(date -u +%Y-%m-%d)-$NAME"
rm -rf "$OUT" && mkdir -p "$OUT/raw" "$OUT/data"
export BENCH_DATA="$(cd "$OUT/data" && pwd)"
CP=verticles/app/target/bazaar.jar:benchmarks/target/benchmarks.jar
PSQL="psql -h ${BAZAAR_PG_HOST:-127.0.0.1} -p ${BAZAAR_PG_PORT:-5432} -U ${BAZAAR_PG_USER:-postgres} -q -v ON_ERROR_STOP=1"
SERVER_PID=""
CURRENT=""

echo "== $OUT: $DURATION per scenario, $CONNECTIONS connections, $ROUNDS round(s), $PRODUCTS products"
echo "benchmarks/run.sh $ARGS" > "$OUT/command.txt"

if [ "$BUILD" = 1 ]; then
  mvn -B -q -DskipTests package -pl benchmarks -am
fi

machine() {
  python3 - "$OUT/machine.json" <<PY
import json, subprocess, sys
def out(cmd):
    try:
        return subprocess.run(cmd, shell=True, capture_output=True, text=True).stdout.strip() or subprocess.run(cmd, shell=True, capture_output=True, text=True).stderr.strip()
    except Exception as e:
        return str(e)
json.dump({
  "date": out("date -u +%Y-%m-%dT%H:%M:%SZ"),
  "nproc": int(out("nproc")),
  "memory": out("free -m | awk '/Mem:/{print \$2\" MiB\"}'"),
  "cpu": out("grep -m1 'model name' /proc/cpuinfo | cut -d: -f2").strip(),
  "java": out("java -version 2>&1 | head -1"),
  "postgres": out("$PSQL -At -c 'show server_version' postgres"),
  "wrk": out("wrk --version 2>&1 | head -1"),
  "command": "$0 $DURATION/$CONNECTIONS/$ROUNDS/$PRODUCTS",
}, open(sys.argv[1], "w"), indent=2)
PY
}

stop_server() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID"
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID="" CURRENT=""
}
trap stop_server EXIT

# The JVM's flags for a variant: the docker variant takes JAVA_TOOL_OPTIONS from docker/Dockerfile, so the memory
# figures are the image's; every other variant has room to spare, so that memory never limits a throughput figure.
jvm_flags() {
  if [ "$1" = docker ]; then
    sed -n '/^ENV JAVA_TOOL_OPTIONS=/,/"$/p' docker/Dockerfile | sed -e 's/^ENV JAVA_TOOL_OPTIONS="//' -e 's/[\\"]//g' | tr '\n' ' '
  else
    echo "-Xms256m -Xmx1g -XX:+UseParallelGC"
  fi
}

# start_server VARIANT LOG [launcher args...]
start_server() {
  local variant=$1 log=$2
  shift 2
  stop_server
  local envs=()
  while IFS= read -r line; do
    case "$line" in ''|'#'*) ;; *) envs+=("$line") ;; esac
  done < "benchmarks/variants/$variant.env"
  env "${envs[@]}" BAZAAR_PROFILE=bench BAZAAR_PG_DATABASE="$DB" BAZAAR_HTTP_PORT="$PORT" BAZAAR_AMQP_VIRTUAL_HOST="$VHOST" \
    BAZAAR_HTTP_EXTRA_CONTRACT="$ROOT/benchmarks/conf/bench-openapi.yaml" \
    BAZAAR_ADMIN_EMAIL=admin@bazaar.bench BAZAAR_ADMIN_PASSWORD="bench password 1" \
    java ${SERVER_JAVA_OPTS:-} $(jvm_flags "$variant") -cp "$CP" com.bazaar.bench.BenchMain "$@" > "$log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 600); do
    if curl -sf -o /dev/null "http://127.0.0.1:$PORT/health"; then CURRENT=$variant; return 0; fi
    kill -0 "$SERVER_PID" 2>/dev/null || { echo "server exited, see $log" >&2; tail -20 "$log" >&2; exit 1; }
    sleep 0.05
  done
  echo "server did not start, see $log" >&2
  exit 1
}

reset_database() {
  $PSQL -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB" postgres
}

reset_vhost() {
  rabbitmqctl -q delete_vhost "$VHOST" > /dev/null 2>&1 || true
  rabbitmqctl -q add_vhost "$VHOST" > /dev/null
  rabbitmqctl -q set_permissions -p "$VHOST" "${BAZAAR_AMQP_USER:-guest}" '.*' '.*' '.*' > /dev/null
}

seed() {
  BAZAAR_PG_DATABASE="$DB" java -cp "$CP" com.bazaar.bench.seed.Seed --products "$1" --out "$BENCH_DATA" | tee -a "$OUT/seed.txt"
  : > "$BENCH_DATA/tokens.txt"
  local password
  password=$(cat "$BENCH_DATA/password.txt")
  head -20 "$BENCH_DATA/customer-emails.txt" | while read -r email; do
    curl -sf -X POST "http://127.0.0.1:$PORT/api/v1/auth/login" -H 'content-type: application/json' \
      -d "{\"email\":\"$email\",\"password\":\"$password\"}" \
      | python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])' >> "$BENCH_DATA/tokens.txt"
  done
  : > "$BENCH_DATA/reseller-tokens.txt"
  for i in $(seq 1 20); do
    curl -sf -X POST "http://127.0.0.1:$PORT/api/v1/auth/login" -H 'content-type: application/json' \
      -d "{\"email\":\"reseller$i@bench.bazaar\",\"password\":\"$password\"}" \
      | python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])' >> "$BENCH_DATA/reseller-tokens.txt"
  done
  head -1 "$BENCH_DATA/reseller-tokens.txt" > "$BENCH_DATA/reseller-token.txt"
  # Each of those resellers gets 10 million rupees available to pay out (the payout scenario takes 1 paisa a time).
  $PSQL -c "SELECT count(*) FROM (SELECT wallet.transfer(gen_random_uuid(), md5('reseller:' || i)::uuid, NULL,
    'COMMISSION_EXPENSE', md5('reseller:' || i)::uuid, 'AVAILABLE', 'INR', 1000000000, 'COMMISSION_AVAILABLE',
    'bench-seed-' || i) FROM generate_series(1, 20) i) seeded" "$DB" > /dev/null
}

cpu_ticks() { awk '{print $14 + $15}' "/proc/$SERVER_PID/stat"; }

# The server's counters of degraded decisions (Redis down or busy), as "decision value" lines.
degraded_counters() {
  curl -sf "http://127.0.0.1:$PORT/metrics" | awk -F'[{}" ]+' '/^bazaar_degraded_decisions_total/ {
    for (i = 2; i < NF; i++) if ($i == "decision=") print $(i + 1), $NF }' || true
}

# run_wrk NAME VARIANT SCRIPT CONNECTIONS DURATION OUTFILE
run_wrk() {
  local name=$1 variant=$2 script=$3 conns=$4 duration=$5 file=$6
  local t0 c0 rss_file="$file.rss" degraded_before
  degraded_before=$(degraded_counters)
  t0=$(date +%s%N); c0=$(cpu_ticks)
  ( while kill -0 "$SERVER_PID" 2>/dev/null; do awk '/VmRSS/{print $2}' "/proc/$SERVER_PID/status"; sleep 0.25; done ) > "$rss_file" &
  local sampler=$!
  local script_args
  read -r -a script_args <<< "$script"
  WRK_THREADS=$THREADS wrk -t"$THREADS" -c"$conns" -d"$duration" --timeout 5s -s "benchmarks/wrk/${script_args[0]}" "http://127.0.0.1:$PORT" \
    -- "${script_args[@]:1}" > "$file" 2>&1 || true
  kill "$sampler" 2>/dev/null || true
  wait "$sampler" 2>/dev/null || true
  local t1 c1
  t1=$(date +%s%N); c1=$(cpu_ticks)
  echo "PROC {\"cpu_percent\":$(python3 -c "print(round(($c1-$c0)/$(getconf CLK_TCK)/(($t1-$t0)/1e9)*100,1))"),\"rss_max_kb\":$(sort -n "$rss_file" | tail -1)}" >> "$file"
  rm -f "$rss_file"
  python3 - "$degraded_before" "$(degraded_counters)" >> "$file" <<'PY'
import json, sys
parse = lambda text: {k: float(v) for k, v in (line.split() for line in text.splitlines() if line.strip())}
before, after = parse(sys.argv[1]), parse(sys.argv[2])
print("DEGRADED " + json.dumps({k: int(after[k] - before.get(k, 0)) for k in sorted(after)}))
PY
  printf '  %-28s %-14s %s\n' "$name" "$variant" "$(grep -o '"rps":[0-9.]*' "$file" | head -1)"
}

# selected NAME [VARIANT]: --scenarios names a scenario with all its variants, or one variant as name@variant.
selected() {
  [ -z "$ONLY" ] && return 0
  case ",$ONLY," in *",$1,"*) return 0 ;; esac
  [ -n "${2:-}" ] && case ",$ONLY," in *",$1@$2,"*) return 0 ;; esac
  return 1
}

# scenario lines: name variant script shows [connections]
mapfile -t SCENARIOS < <(grep -v '^#' benchmarks/scenarios.tsv | grep -v '^$')
variants_in_order() {
  for line in "${SCENARIOS[@]}"; do
    IFS=$'\t' read -r name variant _ <<< "$line"
    selected "$name" "$variant" && echo "$variant"
  done | awk '!seen[$0]++'
}

# pgbench_scripts NAME SCRIPT... runs the scripts as one mix against the benchmark database for DURATION.
pgbench_scripts() {
  local name=$1 files=()
  shift
  for script in "$@"; do files+=(-f "$script"); done
  PGOPTIONS="-c search_path=product,order,payment,wallet" pgbench -n -h "${BAZAAR_PG_HOST:-127.0.0.1}" -U "${BAZAAR_PG_USER:-postgres}" -c 8 -j 2 \
    -T "${DURATION%s}" -M prepared "${files[@]}" "$DB" > "$OUT/raw/pgbench-$name.txt" 2>&1 || true
  printf '  %-28s %s\n' "pgbench $name" "$(grep -o 'tps = [0-9.]*' "$OUT/raw/pgbench-$name.txt" | head -1)"
}

pgbench_baselines() {
  echo "== pgbench"
  java -cp "$CP" com.bazaar.bench.PgbenchScripts "$OUT/pgbench" "$PRODUCTS" 50 "$WEBHOOKS" "$PGBENCH_WEBHOOKS"
  local secs=${DURATION%s}
  for script in "$OUT"/pgbench/*.sql; do
    pgbench_scripts "$(basename "$script" .sql)" "$script"
  done
  $PSQL -c "DROP DATABASE IF EXISTS bazaar_pgbench WITH (FORCE)" -c "CREATE DATABASE bazaar_pgbench" postgres
  pgbench -q -i -s 10 -h "${BAZAAR_PG_HOST:-127.0.0.1}" -U "${BAZAAR_PG_USER:-postgres}" bazaar_pgbench >/dev/null 2>&1
  pgbench -n -S -h "${BAZAAR_PG_HOST:-127.0.0.1}" -U "${BAZAAR_PG_USER:-postgres}" -c 8 -j 2 -T "$secs" -M prepared \
    bazaar_pgbench > "$OUT/raw/pgbench-select-only.txt" 2>&1 || true
  printf '  %-28s %s\n' "pgbench -S" "$(grep -o 'tps = [0-9.]*' "$OUT/raw/pgbench-select-only.txt" | head -1)"
  $PSQL -c "DROP DATABASE IF EXISTS bazaar_pgbench WITH (FORCE)" postgres
}

benchmark_run() {
  reset_database
  start_server default "$OUT/raw/server-seed.log"
  seed "$PRODUCTS"
  python3 benchmarks/seed/api_check.py "http://127.0.0.1:$PORT" admin@bazaar.bench "bench password 1" 3 | tee -a "$OUT/seed.txt"
  java -cp "$CP" com.bazaar.bench.WebhookSeed "$WEBHOOKS" "$PGBENCH_WEBHOOKS" "$BENCH_DATA" | tee -a "$OUT/seed.txt"
  mapfile -t VARIANTS < <(variants_in_order)
  for round in $(seq 1 "$ROUNDS"); do
    echo "== round $round"
    for variant in "${VARIANTS[@]}"; do
      start_server "$variant" "$OUT/raw/server-$variant-r$round.log"
      for line in "${SCENARIOS[@]}"; do
        IFS=$'\t' read -r name v script _ conns <<< "$line"
        [ "$v" = "$variant" ] && selected "$name" "$v" || continue
        if [ "$WARMUP" != 0s ]; then
          run_wrk "$name" "$variant" "$script" "${conns:-$CONNECTIONS}" "$WARMUP" "$OUT/raw/warmup.txt" > /dev/null
        fi
        run_wrk "$name" "$variant" "$script" "${conns:-$CONNECTIONS}" "$DURATION" "$OUT/raw/$name@$variant-r$round.txt"
      done
    done
  done
  rm -f "$OUT/raw/warmup.txt"
  if selected checkout docker; then checkout_at_load; fi
  if [ "$PROFILE" = 1 ]; then profile_round; fi
  if selected order_create || selected order_create_link; then count_order_statements; fi
  if selected payout; then
    start_server default "$OUT/raw/server-consumer.log"
    BAZAAR_PG_DATABASE="$DB" BAZAAR_AMQP_VIRTUAL_HOST="$VHOST" java -cp "$CP" com.bazaar.bench.WalletConsumerBench "$CONSUMER_EVENTS" | tee "$OUT/raw/wallet-consumer.txt"
  fi
  stop_server
  # The checkout mix has no single statement to set beside it.
  if [ -z "$ONLY" ] || tr ',' '\n' <<< "$ONLY" | grep -qv '^checkout'; then pgbench_baselines; fi
}

# The checkout mix at constant rates (LOADS, percentages of the median throughput it reached in the rounds), each on
# a fresh server in the Docker image's flags: its RSS once started (idle), a warm-up at that rate, then the measured
# run, with /metrics scraped before and after (the consumers' lag and each operation's time in the server) and every
# second during it (outbox rows waiting, the age of the oldest, messages waiting in the queues): raw/checkout-<load>*;
# then the reads alone at the 70% rate. report.py turns them into the report's checkout section.
checkout_at_load() {
  local sustained load
  sustained=$(cat "$OUT"/raw/checkout@docker-r*.txt | sed -n 's/^BENCH_JSON .*"rps":\([0-9.]*\).*/\1/p' | sort -n \
    | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}')
  for load in $LOADS; do
    checkout_at_rate "$load" "$(python3 -c "print(max(1, round($sustained * $load / 100)))")" checkout.lua
  done
  # The reads alone at the 70% rate: what the checkout steps cost the rest.
  checkout_at_rate 70browse "$(python3 -c "print(max(1, round($sustained * 0.7)))")" "checkout.lua browse"
}

# checkout_at_rate NAME RATE SCRIPT: one constant-rate run of the mix on a fresh server (raw/checkout-NAME-*).
checkout_at_rate() {
  local at="$OUT/raw/checkout-$1"
  export CHECKOUT_RATE=$2
  echo "== checkout $1: $CHECKOUT_RATE req/s"
  start_server docker "$at-server.log"
  sleep 2
  awk '/VmRSS/{print $2}' "/proc/$SERVER_PID/status" > "$at-idle-rss-kb.txt"
  if [ "$WARMUP" != 0s ]; then
    run_wrk checkout docker "$3" "$CONNECTIONS" "$WARMUP" "$at-warmup.txt" > /dev/null
  fi
  curl -sf "http://127.0.0.1:$PORT/metrics" > "$at-metrics-before.txt"
  ( while kill -0 "$SERVER_PID" 2>/dev/null; do
      curl -sf "http://127.0.0.1:$PORT/metrics" | awk -v t="$(date +%s.%N)" '
        /^bazaar_events_outbox_depth/ {depth += $NF}
        /^bazaar_events_outbox_oldest_seconds/ {if ($NF > oldest) oldest = $NF}
        /^bazaar_events_queue_depth/ {queued += $NF}
        END {printf "LAG %s %d %.3f %d\n", t, depth, oldest, queued}'
      sleep 1
    done ) > "$at-lags.txt" &
  local sampler=$!
  run_wrk checkout "at$1" "$3" "$CONNECTIONS" "$DURATION" "$at-load.txt"
  kill "$sampler" 2>/dev/null || true
  wait "$sampler" 2>/dev/null || true
  curl -sf "http://127.0.0.1:$PORT/metrics" > "$at-metrics-after.txt"
  unset CHECKOUT_RATE
}

# The native agent of async-profiler, from its Maven jar, shaded into jmh.jar.
profiler_library() {
  local arch lib="benchmarks/target/profiler/libasyncProfiler.so"
  case "$(uname -m)" in x86_64) arch=linux-x64 ;; aarch64) arch=linux-arm64 ;; *) echo "no profiler for $(uname -m)" >&2; exit 2 ;; esac
  if [ ! -f "$lib" ]; then
    mkdir -p benchmarks/target/profiler
    unzip -q -o -j benchmarks/target/jmh.jar "$arch/libasyncProfiler.so" -d benchmarks/target/profiler
  fi
  echo "$ROOT/$lib"
}

# profiler COMMAND: one async-profiler command to the running server, through the JVM's own agent loading (jcmd,
# which splits unquoted arguments at commas). itimer samples CPU time without perf_events, which containers deny.
profiler() {
  local said
  said=$(jcmd "$SERVER_PID" JVMTI.agent_load "$(profiler_library)" "\"$1\"")
  case "$said" in *ERROR*) echo "async-profiler refused $1: $said" >&2; exit 1 ;; esac
}

# time_startup: READY_MS, the milliseconds from starting the default server to its first 200 from /ready. Not in a
# subshell, so that the next start stops this server.
time_startup() {
  stop_server
  local t0 t1
  t0=$(date +%s%N)
  start_server default "$OUT/raw/server-startup.log"
  until curl -sf -o /dev/null "http://127.0.0.1:$PORT/ready"; do sleep 0.02; done
  t1=$(date +%s%N)
  READY_MS=$(( (t1 - t0) / 1000000 ))
}

# Startup to /ready, three times plain and three times from an AppCDS archive of the classes a start loads (made by
# one training start), interleaved; then once with the profiler on from the JVM's first instruction; then one more
# run of each selected scenario, profiled: CPU first, then allocations, each for the whole duration.
profile_round() {
  echo "== profiled round (not in the figures)"
  mkdir -p "$OUT/flame"
  local archive="$ROOT/benchmarks/target/bazaar-cds.jsa"
  rm -f "$archive"
  SERVER_JAVA_OPTS="-XX:ArchiveClassesAtExit=$archive" time_startup
  stop_server
  for _ in 1 2 3; do
    time_startup
    echo "STARTUP_MS plain $READY_MS" | tee -a "$OUT/raw/startup.txt"
    SERVER_JAVA_OPTS="-XX:SharedArchiveFile=$archive" time_startup
    echo "STARTUP_MS appcds $READY_MS" | tee -a "$OUT/raw/startup.txt"
  done
  SERVER_JAVA_OPTS="-agentpath:$(profiler_library)=start,event=itimer,interval=1ms" time_startup
  profiler "stop,file=$ROOT/$OUT/flame/startup.html,title=startup-to-ready"
  for variant in "${VARIANTS[@]}"; do
    start_server "$variant" "$OUT/raw/server-$variant-profiled.log"
    for line in "${SCENARIOS[@]}"; do
      IFS=$'\t' read -r name v script _ conns <<< "$line"
      [ "$v" = "$variant" ] && selected "$name" "$v" || continue
      run_wrk "$name" "$variant" "$script" "${conns:-$CONNECTIONS}" "$WARMUP" "$OUT/raw/warmup.txt" > /dev/null
      for event in cpu alloc; do
        local suffix="" options="event=itimer,interval=1ms"
        if [ "$event" = alloc ]; then suffix=-alloc options="event=alloc"; fi
        profiler "start,$options"
        run_wrk "$name" "$variant" "$script" "${conns:-$CONNECTIONS}" "$DURATION" "$OUT/raw/profiled-$name@$variant$suffix.txt"
        profiler "stop,file=$ROOT/$OUT/flame/$name@$variant$suffix.html,title=$name@$variant-$event"
      done
    done
  done
  rm -f "$OUT/raw/warmup.txt"
}

# One order create of each kind with every SQL statement logged (after one unlogged warm-up order, so caches are
# warm as under load): raw/statements-<scenario>.txt holds the statements between the request and a second later,
# the relay's and consumers' work included; report.py tells the two apart.
count_order_statements() {
  start_server logqueries "$OUT/raw/server-statements.log"
  local token log="$OUT/raw/server-statements.log"
  token=$(head -1 "$BENCH_DATA/tokens.txt")
  mapfile -t ids < <(sed -n '1,6p' "$BENCH_DATA/variant-ids.txt")
  mapfile -t link < <(sed -n '1p' "$BENCH_DATA/link-variants.txt" | tr ' ' '\n')
  local address='"shippingAddress":{"name":"Count","phone":"+91 98450 00000","line1":"1 Road","city":"Pune","postalCode":"411001","country":"IN"}'
  for scenario in order_create order_create_link; do
    local first=${ids[0]} extra=""
    [ "$scenario" = order_create_link ] && first=${link[1]} extra=",\"shareLinkCode\":\"${link[0]}\""
    for attempt in warm measured; do
      local body="{\"items\":[{\"variantId\":\"$first\",\"quantity\":1},{\"variantId\":\"${ids[2]}\",\"quantity\":1},{\"variantId\":\"${ids[4]}\",\"quantity\":1}],$address$extra}"
      sleep 1
      local before
      before=$(wc -l < "$log")
      curl -sf -o /dev/null -X POST "http://127.0.0.1:$PORT/api/v1/orders" -H 'content-type: application/json' \
        -H "Authorization: Bearer $token" -H "Idempotency-Key: count-$scenario-$attempt-$RANDOM$RANDOM" -d "$body"
      echo "REQUEST_DONE $(wc -l < "$log")" > "$OUT/raw/statements-$scenario.txt.mark"
      sleep 1
      [ "$attempt" = warm ] && continue
      { cat "$OUT/raw/statements-$scenario.txt.mark"; sed -n "$((before + 1)),\$p" "$log" | grep ' bazaar.sql - '; } \
        > "$OUT/raw/statements-$scenario.txt" || true
      rm -f "$OUT/raw/statements-$scenario.txt.mark"
      printf '  %-28s %s\n' "statements $scenario" "$(grep -c ' bazaar.sql - ' "$OUT/raw/statements-$scenario.txt")"
    done
  done
}

# The buffers one list page touches at 10k and 1M rows, on a migrated database: OrderPageCost (order lists) or
# WalletPageCost (transfer history). page_cost_run TOOL OUTFILE
page_cost_run() {
  reset_database
  start_server default "$OUT/raw/server-migrate.log"
  stop_server
  BAZAAR_PG_DATABASE="$DB" java -cp "$CP" "com.bazaar.bench.$1" | tee "$OUT/raw/$2"
}

# Data size with the caches off, so the figures are the queries' own cost as the catalog grows, beside pgbench
# running the same SQL mix and the buffers one list page touches (PageCost); then instances
# (gateway and product verticles) on 10k products with everything on.
scaling_run() {
  for size in 1000 10000 100000; do
    reset_database
    start_server default "$OUT/raw/server-seed-$size.log"
    seed "$size"
    start_server nocache "$OUT/raw/server-size-$size.log"
    for scenario in products_spread product_detail; do
      run_wrk "$scenario" nocache "$scenario.lua" "$CONNECTIONS" "$WARMUP" "$OUT/raw/warmup.txt" > /dev/null
      run_wrk "$scenario" "size$size" "$scenario.lua" "$CONNECTIONS" "$DURATION" "$OUT/raw/$scenario@size$size-r1.txt"
    done
    stop_server
    java -cp "$CP" com.bazaar.bench.PgbenchScripts "$OUT/pgbench-$size" "$size" 50
    pgbench_scripts "product_spread@size$size" "$OUT/pgbench-$size"/spread/*.sql
    pgbench_scripts "product_detail@size$size" "$OUT/pgbench-$size/product_detail.sql"
    BAZAAR_PG_DATABASE="$DB" java -cp "$CP" com.bazaar.bench.PageCost "$size" 50 > "$OUT/raw/pagecost@size$size.txt"
    cat "$OUT/raw/pagecost@size$size.txt"
  done
  reset_database
  start_server default "$OUT/raw/server-seed-instances.log"
  seed 10000
  for n in 1 2 4; do
    start_server default "$OUT/raw/server-instances-$n.log" --instances "gateway=$n" --instances "product=$n"
    for scenario in products_spread product_detail; do
      run_wrk "$scenario" default "$scenario.lua" "$CONNECTIONS" "$WARMUP" "$OUT/raw/warmup.txt" > /dev/null
      run_wrk "$scenario" "instances$n" "$scenario.lua" "$CONNECTIONS" "$DURATION" "$OUT/raw/$scenario@instances$n-r1.txt"
    done
  done
  rm -f "$OUT/raw/warmup.txt"
  stop_server
}

# 10,000 events at once into notifications, then 5,000 webhook deliveries to a fast local receiver, then the same
# with a receiver that never answers beside it (NotificationBench). Each server variant in turn on a fresh database.
notifications_run() {
  for variant in default notificationpool4; do
    reset_database
    start_server "$variant" "$OUT/raw/server-notifications-$variant.log"
    BAZAAR_PG_DATABASE="$DB" BAZAAR_AMQP_VIRTUAL_HOST="$VHOST" java -cp "$CP" com.bazaar.bench.NotificationBench 10000 5000 \
      | tee "$OUT/raw/notifications@$variant.txt"
  done
  stop_server
}

machine
reset_vhost
if [ "$SCALING" = 1 ]; then scaling_run
elif [ "$ORDER_PAGES" = 1 ]; then page_cost_run OrderPageCost order-pagecost.txt
elif [ "$WALLET_PAGES" = 1 ]; then page_cost_run WalletPageCost wallet-pagecost.txt
elif [ "$NOTIFICATIONS" = 1 ]; then notifications_run
else benchmark_run; fi
python3 benchmarks/report/report.py "$OUT"
