#!/usr/bin/env bash
# Scale run of docs/BENCHMARKS.md, "Scale: 100,000 hostnames", on one machine, loopback only:
# a THREE-node cluster (node JVMs on 127.0.0.1..3, loadtest/scripts/gatling/setup.sh), 100,000 CCS
# certificates imported through the CCS folder (node 1 commits slices of 1,000) and 10,000 SNI
# certificates + hostnameport bindings through the admin API, 20 worker sites holding every
# hostname. Measures, in order, with every step bounded in time:
#   1. certificate generation time (CertGen, all cores)
#   2. heap baseline of each node (jcmd GC.run, then GC.heap_info "used") without hostnames
#   3. CCS folder import time, SNI import + bind time, sites
#   4. heap of each node with everything loaded -> heap per hostname
#   5. GET /admin/v1/doctor time over the whole configuration
#   6. tls.cacheSize=1000:   ColdStartSimulation (each CCS hostname once) + HandshakeSimulation (closed model, all hostnames)
#   7. full-cluster restart with tls.cacheSize=200000: restart time, ColdStartSimulation again (warms every node), HandshakeSimulation
#   8. heap with 100,000 prepared certificates cached
#   9. a 4th node joins: time to ready, same configuration hash, HandshakeSimulation against it alone
# Results: loadtest/target/ccsfront-bench/scale/results.txt (+ Gatling reports under loadtest/target/gatling).
#
#   loadtest/scripts/scale/run-scale.sh [--resume] [--ccs 100000] [--sni 10000] [--cold-hosts 20000] [--cold-rate 100] [--concurrency 12] [--hold 60]
#
# --resume: the cluster of an interrupted run is still up with its data: go on from step 6.
# --cold-hosts: how many of the CCS hostnames the cold-start simulations visit (each once; all = --ccs).
# BENCH_LOCK=<file>: the timed steps (doctor, simulations, restart, join) run under flock on that file,
# so that other benchmarks on a shared machine do not overlap them (data loading and heap readings do not).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../../.." && pwd)"
OUT="$ROOT/loadtest/target/ccsfront-bench"
S="$ROOT/loadtest/scripts/gatling/setup.sh"
RESUME=0 CCS=100000 SNI=10000 COLD_HOSTS=20000 COLD_RATE=100 CONC=12 HOLD=60 HEAP=3g
while [ $# -gt 0 ]; do
  case "$1" in
    --ccs) CCS=$2; shift 2;; --sni) SNI=$2; shift 2;; --cold-rate) COLD_RATE=$2; shift 2;; --cold-hosts) COLD_HOSTS=$2; shift 2;;
    --resume) RESUME=1; shift;;
    --concurrency) CONC=$2; shift 2;; --hold) HOLD=$2; shift 2;; --heap) HEAP=$2; shift 2;;
    *) echo "unknown option $1" >&2; exit 2;;
  esac
done
RES="$OUT/scale"; mkdir -p "$RES"; R="$RES/results.txt"
say() { echo "[$(date -u +%FT%TZ)] $*" | tee -a "$R"; }
pidof_node() { cat "$OUT/node$1.pid"; }
heap_used_kb() { # node -> heap used after a full GC, in KB
  local p; p=$(pidof_node "$1")
  jcmd "$p" GC.run >/dev/null
  sleep 1
  jcmd "$p" GC.heap_info | sed -n 's/.*heap *total [0-9]*K, used \([0-9]*\)K.*/\1/p' | head -1
}
locked() { if [ -n "${BENCH_LOCK:-}" ]; then ( flock 9; "$@" ) 9>>"$BENCH_LOCK"; else "$@"; fi; }
heaps() { local out=""; for i in "$@"; do out="$out node$i=$(heap_used_kb "$i")"; done; echo "$out"; }
gatling() { # simulation args...
  local sim=$1; shift
  (cd "$ROOT" && timeout 3600 mvn -B -o -pl loadtest -Pgatling verify -DskipTests \
      -Dgatling.simulationClass=io.ccsfront.bench.gatling.$sim "$@" > "$RES/$sim-$(date +%H%M%S).log" 2>&1) || say "$sim: assertions failed or error (see $RES)"
  "$ROOT/loadtest/scripts/gatling/summary.py" "$(echo "$sim" | tr 'A-Z' 'a-z')" | tee -a "$R"
}
token() { . "$OUT/secrets.env"; echo "$CCSFRONT_ADMIN_TOKEN"; }
hash_of() { curl -s -H "Authorization: Bearer $(token)" "http://127.0.0.$1:19090/admin/v1/config/hash"; }

if [ "$RESUME" = 0 ]; then
say "scale run: $CCS CCS + $SNI SNI hostnames, 3 nodes, $(nproc) cores, $(free -g | awk '/Mem/{print $2}') GB, load $(cut -d' ' -f1-3 /proc/loadavg)"
say "java: $(java -version 2>&1 | head -1); git: $(cd "$ROOT" && git rev-parse --short HEAD)"
"$S" stop >/dev/null 2>&1 || true
# the simulations run from the loadtest module alone (-pl loadtest): install the other modules once
(cd "$ROOT" && mvn -q -B -o install -DskipTests >"$RES/install.log" 2>&1) || { tail -30 "$RES/install.log"; exit 1; }
rm -rf "$OUT"/node[0-9]* "$OUT/no-ccs-folder"
"$S" start --nodes 3 --ccs "$CCS" --sni "$SNI" --sites 20 --cache-size 1000 --heap "$HEAP" --import-later 2>&1 | tee -a "$R"
[ -f "$OUT/certgen.txt" ] && say "generation: $(cat "$OUT/certgen.txt")"
sleep 5
say "heap baseline (KB, after GC, no hostnames):$(heaps 1 2 3)"

t0=$(date +%s%N)
"$S" import 2>&1 | tee -a "$R"
say "data loaded in $(( ($(date +%s%N) - t0) / 1000000 )) ms (node 1 restart + CCS folder import + SNI + sites)"
grep -h "watching CCS folder\|CCS folder .*committed" "$OUT/node1.log" | tail -2 | tee -a "$R"
for i in 1 2 3; do say "node$i config $(hash_of $i)"; done
say "heap loaded (KB, after GC):$(heaps 1 2 3)"

for i in 1 2; do
  t=$(locked curl -s -o "$RES/doctor$i.json" -w '%{time_total}' -H "Authorization: Bearer $(token)" "http://127.0.0.$i:19090/admin/v1/doctor")
  say "GET /admin/v1/doctor on node$i: ${t} s, $(wc -c < "$RES/doctor$i.json") bytes, counts $(python3 -c 'import json,sys; print(json.load(open(sys.argv[1])).get("counts"))' "$RES/doctor$i.json" 2>/dev/null)"
done

else
  say "resuming: the cluster of the interrupted run, config $(hash_of 1 | tr -d '\n ')"
fi
say "--- tls.cacheSize=1000: cold start over $COLD_HOSTS CCS hostnames at $COLD_RATE/s"
locked gatling ColdStartSimulation -Dhosts="$COLD_HOSTS" -Drate="$COLD_RATE"
say "--- tls.cacheSize=1000 (far smaller than the hostname count): closed model, $CONC users, ${HOLD}s, all $((CCS + SNI)) hostnames"
locked gatling HandshakeSimulation -Dhosts=0 -Dconcurrency="$CONC" -DholdSeconds="$HOLD"
for i in 1 2 3; do say "node$i cache $(curl -s "http://127.0.0.$i:19090/admin/v1/node" -H "Authorization: Bearer $(token)" | python3 -c 'import json,sys; print(json.load(sys.stdin)["cache"])')"; done

t0=$(date +%s%N)
locked "$S" restart --cache-size 200000 --heap "$HEAP" --no-build --no-folder 2>&1 | tee -a "$R"
say "full-cluster restart with tls.cacheSize=200000: $(( ($(date +%s%N) - t0) / 1000000 )) ms to all ready"
say "--- tls.cacheSize=200000: cold start (after restart) over the same $COLD_HOSTS CCS hostnames at $COLD_RATE/s"
locked gatling ColdStartSimulation -Dhosts="$COLD_HOSTS" -Drate="$COLD_RATE"
say "--- tls.cacheSize=200000 (larger than the hostname count; these $COLD_HOSTS prepared on their nodes): closed model, $CONC users, ${HOLD}s"
locked gatling HandshakeSimulation -Dhosts="$COLD_HOSTS" -Dkind=ccs -Dconcurrency="$CONC" -DholdSeconds="$HOLD"
say "--- tls.cacheSize=200000: closed model, $CONC users, ${HOLD}s, all $((CCS + SNI)) hostnames (mostly not yet prepared)"
locked gatling HandshakeSimulation -Dhosts=0 -Dconcurrency="$CONC" -DholdSeconds="$HOLD"
for i in 1 2 3; do say "node$i cache $(curl -s "http://127.0.0.$i:19090/admin/v1/node" -H "Authorization: Bearer $(token)" | python3 -c 'import json,sys; print(json.load(sys.stdin)["cache"])')"; done
say "heap with prepared certificates cached (KB, after GC):$(locked heaps 1 2 3)"

say "--- a 4th node joins"
locked "$S" add-node 4 --cache-size 200000 --heap "$HEAP" --no-build 2>&1 | tee -a "$R"
for i in 1 4; do say "node$i config $(hash_of $i)"; done
say "heap node4 (KB, after GC):$(heaps 4)"
locked gatling HandshakeSimulation -Dtarget=127.0.0.4:18443 -Dhosts=0 -Dconcurrency="$CONC" -DholdSeconds=30
say "done"
