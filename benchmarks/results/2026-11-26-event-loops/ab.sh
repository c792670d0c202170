#!/usr/bin/env bash
# A/B: the same jar build before and after the context fix, hello and categories, alternated.
set -u
run() {
  local jar=$1 label=$2
  BAZAAR_HTTP_BENCH_ROUTES=true BAZAAR_HTTP_ACCESS_LOG=false BAZAAR_GATEWAY_RATE_LIMITS_ENABLED=false \
    java -Xms256m -Xmx1g -XX:+UseParallelGC -jar "$jar" > /tmp/ab-$label.log 2>&1 &
  local pid=$!
  for i in $(seq 1 300); do curl -sf -o /dev/null localhost:8080/ready && break; sleep 0.05; done
  wrk -t2 -c64 -d3s http://localhost:8080/bench/hello > /dev/null
  local hello cats
  hello=$(wrk -t2 -c64 -d10s http://localhost:8080/bench/hello | awk '/Requests\/sec/{print $2}')
  cats=$(wrk -t2 -c64 -d10s http://localhost:8080/api/v1/categories | awk '/Requests\/sec/{print $2}')
  echo "$label hello=$hello categories=$cats"
  kill -TERM $pid; wait $pid 2>/dev/null
}
for round in 1 2; do
  run /tmp/oldtree/verticles/app/target/bazaar.jar before
  run /work/main/verticles/app/target/bazaar.jar after
done
