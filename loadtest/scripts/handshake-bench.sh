#!/usr/bin/env bash
# Full TLS 1.3 handshakes: ccsfront (BoringSSL and JDK engines) vs nginx vs HAProxy, with the SAME
# certificates (N hostnames, ECDSA P-256 and RSA-2048, one generated CA), the SAME client
# (loadtest/scripts/tls-load.mjs: a new connection per request, SNI cycling, no resumption, the
# served certificate checked against the SNI on every connection) and the SAME settings: TLS 1.3
# only, ALPN http/1.1, session tickets off, session cache off, one server core.
#
# Not part of the test suite. Loopback only; every run is bounded in count and time; every process
# it starts is killed on exit. Results: $OUT/<date>/results.jsonl and report.md (docs/BENCHMARKS.md).
#
#   loadtest/scripts/handshake-bench.sh            # everything, as documented in docs/BENCHMARKS.md
#   KEYS=ec SERVERS="nginx ccsfront-openssl" RUNS=1 COUNT=2000 loadtest/scripts/handshake-bench.sh
#
# Settings (environment):
#   HOSTS=10000          hostnames (certificates) per key type
#   KEYS="ec rsa"        key types (ec = ECDSA P-256, rsa = RSA-2048)
#   SERVERS="ccsfront-openssl ccsfront-jdk nginx haproxy"   (also: netty-plain, a calibration peer:
#                        plain Netty + BoringSSL choosing by SNI only, io.ccsfront.bench.PlainNettyTlsServer)
#   RUNS=3               measured runs per server (the report takes medians)
#   COUNT=6000           handshakes per measured run ...
#   RUN_SECONDS=30       ... or this long, whichever ends first
#   WARMUP_PASSES=2      warm-up passes over all HOSTS names before the measured runs (the first
#   WARMUP_SECONDS=150   one is reported as "first pass": cold certificates); each bounded in time
#   CONCURRENCY=16       connections in flight
#   SERVER_CPUS=0        CPU list the server is pinned to (taskset; every server gets the same one core)
#   CLIENT_CPUS=1        CPU list the client is pinned to
#   PORT=28443           listening port on 127.0.0.1
#   OUT=target/handshake-bench   data (certificates are generated there, never committed) and results
#   SKIP_BUILD=0         1: use the existing frontend-node.jar and benchmarks.jar
#   INSTALL=1            apt-get install the Debian packages that are missing (nginx-light, haproxy,
#                        nodejs, openssl, util-linux for taskset, iproute2 for ss); 0: fail instead
#   JAVA_OPTS=           extra JVM options for the node (default: none — the JVM's defaults)
#   LAUNCH_FLAGS="--add-modules jdk.incubator.foreign --enable-native-access=ALL-UNNAMED"
#                        what bin/ccsfront gives every node: RSA handshakes signed by the system's OpenSSL 3
#                        (tls.rsaSigner=auto); every ccsfront server gets them. LAUNCH_FLAGS= : BoringSSL signs
#   JFR=0                1: record a JFR profile of ccsfront-openssl during its measured runs
#   BASE_JAR=            another frontend-node.jar (e.g. a copy built from the previous commit): the
#                        server "ccsfront-base" runs it with BoringSSL, so that a change and its
#                        baseline are measured in the same invocation against the same nginx/HAProxy
#   NODE_OPTS=           extra JVM options for ccsfront-openssl/-jdk only (not ccsfront-base)
#   V1_OPTS, V2_OPTS ... JVM options of the servers "ccsfront-v1", "ccsfront-v2" ...: the node's JAR with
#                        BoringSSL and these options, to compare settings in one invocation
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HOSTS=${HOSTS:-10000}
KEYS=${KEYS:-"ec rsa"}
SERVERS=${SERVERS:-"ccsfront-openssl ccsfront-jdk nginx haproxy"}
RUNS=${RUNS:-3}
COUNT=${COUNT:-6000}
RUN_SECONDS=${RUN_SECONDS:-30}
WARMUP_SECONDS=${WARMUP_SECONDS:-150}
WARMUP_PASSES=${WARMUP_PASSES:-2}
CONCURRENCY=${CONCURRENCY:-16}
SERVER_CPUS=${SERVER_CPUS:-0}
CLIENT_CPUS=${CLIENT_CPUS:-1}
PORT=${PORT:-28443}
OUT=${OUT:-$ROOT/target/handshake-bench}
SKIP_BUILD=${SKIP_BUILD:-0}
INSTALL=${INSTALL:-1}
JAVA_OPTS=${JAVA_OPTS:-}
LAUNCH_FLAGS=${LAUNCH_FLAGS---add-modules jdk.incubator.foreign --enable-native-access=ALL-UNNAMED}
JFR=${JFR:-0}
BASE_JAR=${BASE_JAR:-}
NODE_OPTS=${NODE_OPTS:-}
STARTUP_TIMEOUT=${STARTUP_TIMEOUT:-600}

# NODE_JAR, BENCH_JAR, CLIENT, RES (this run's folder), RESULTS, TICK; log, tree_pids, thread_diff, need_all,
# build, environment_header, certs, write_no_tickets_conf, nginx_conf, haproxy_cfg
. "$ROOT/loadtest/scripts/bench-common.sh"

# ---- processes: every server this script starts is remembered and killed on exit -------------
SERVER_PID=
cleanup() {
  if [[ -n "$SERVER_PID" ]]; then stop_server; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# utime+stime of the server's processes, in clock ticks
server_ticks() {
  local t=0 p v
  for p in $(tree_pids "$SERVER_PID"); do
    v=$(awk '{print $14+$15}' /proc/"$p"/stat 2>/dev/null || echo 0)
    t=$((t + v))
  done
  echo "$t"
}
server_rss_kb() {
  local t=0 p v
  for p in $(tree_pids "$SERVER_PID"); do
    v=$(awk '/^VmRSS:/{print $2}' /proc/"$p"/status 2>/dev/null || echo 0)
    t=$((t + ${v:-0}))
  done
  echo "$t"
}
# CPU ticks per thread name (digits folded: vert.x-worker-thread-N -> vert.x-worker-thread-#)
thread_ticks() {
  local t
  for t in /proc/"$SERVER_PID"/task/*; do
    printf '%s %s\n' "$(tr ' ' _ < "$t/comm" | tr -s '0-9' '#')" "$(awk '{print $14+$15}' "$t/stat" 2>/dev/null || echo 0)"
  done | awk '{a[$1]+=$2} END {for (k in a) print k, a[k]}' | LC_ALL=C sort
}
stop_server() {
  local pids
  pids=$(tree_pids "$SERVER_PID" 2>/dev/null || true)
  kill "$SERVER_PID" 2>/dev/null || true
  for _ in $(seq 1 50); do
    kill -0 "$SERVER_PID" 2>/dev/null || break
    sleep 0.2
  done
  for p in $pids; do kill -9 "$p" 2>/dev/null || true; done
  wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=
}

# ---- prerequisites -------------------------------------------------------------------------------
need_all

build

{
  environment_header
  echo "settings: HOSTS=$HOSTS KEYS='$KEYS' SERVERS='$SERVERS' RUNS=$RUNS COUNT=$COUNT RUN_SECONDS=$RUN_SECONDS WARMUP_SECONDS=$WARMUP_SECONDS WARMUP_PASSES=$WARMUP_PASSES CONCURRENCY=$CONCURRENCY SERVER_CPUS=$SERVER_CPUS CLIENT_CPUS=$CLIENT_CPUS JAVA_OPTS='$JAVA_OPTS' LAUNCH_FLAGS='$LAUNCH_FLAGS' NODE_OPTS='$NODE_OPTS' BASE_JAR='$BASE_JAR'"
  for v in $SERVERS; do if [[ $v == ccsfront-v* ]]; then n=${v#ccsfront-}; n=${n^^}_OPTS; echo "$v: $n='${!n:-}'"; fi; done
  echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
} > "$RES/environment.txt"
cat "$RES/environment.txt" >&2

# ---- certificates ---------------------------------------------------------------------------------

OSSL_CONF=$RES/openssl-no-tickets.cnf
write_no_tickets_conf "$OSSL_CONF"   # no TLS 1.3 tickets from OpenSSL 3 either (bench-common.sh)

# ---- servers ---------------------------------------------------------------------------------------
start_server() { # server data-dir
  local server=$1 data=$2 run=$RES/run-$server-$(basename "$data")
  rm -rf "$run"
  mkdir -p "$run"
  case $server in
    ccsfront-openssl|ccsfront-jdk|ccsfront-base|ccsfront-v[0-9]*)
      local engine=${server#ccsfront-} jar=$NODE_JAR opts=$NODE_OPTS
      if [[ "$server" == ccsfront-base ]]; then
        engine=openssl jar=$BASE_JAR opts=
        [[ -f "$jar" ]] || { echo "ccsfront-base needs BASE_JAR=<frontend-node.jar>" >&2; exit 64; }
      elif [[ "$server" == ccsfront-v* ]]; then
        local var=${engine^^}_OPTS
        engine=openssl opts=${!var:-}
      fi
      java -cp "$BENCH_JAR" io.ccsfront.bench.SeedCcsBinding "$run/data" "$PORT" >/dev/null
      local jfr=()
      if [[ "$JFR" == 1 && "$engine" == openssl ]]; then
        jfr=(-XX:StartFlightRecording=name=bench,settings=profile,filename=$run/node.jfr,dumponexit=true)
      fi
      # shellcheck disable=SC2086
      taskset -c "$SERVER_CPUS" java $JAVA_OPTS $LAUNCH_FLAGS $opts "${jfr[@]}" -jar "$jar" \
        --set node.dataDir="$run/data" --set cluster.enabled=false \
        --set listeners.https=127.0.0.1:"$PORT" --set listeners.http= --set admin.port=0 \
        --set tls.defaultCertificate=false --set tls.engine="$engine" --set tls.minVersion=1.3 \
        --set tls.sessionTickets=false --set tls.cacheSize=$((HOSTS > 10000 ? HOSTS : 10000)) \
        --set ccs.folder="$data/ccs" --set ccs.pollInterval=1h \
        > "$run/server.log" 2>&1 &
      SERVER_PID=$!
      ;;
    netty-plain)
      # calibration peer: plain Netty + BoringSSL, SNI-only selection, fixed 200 (PlainNettyTlsServer.java)
      # shellcheck disable=SC2086
      taskset -c "$SERVER_CPUS" java $JAVA_OPTS -cp "$BENCH_JAR" io.ccsfront.bench.PlainNettyTlsServer "$data/haproxy" 127.0.0.1 "$PORT" \
        > "$run/server.log" 2>&1 &
      SERVER_PID=$!
      ;;
    nginx)
      echo "listen 127.0.0.1:$PORT ssl;" > "$data/nginx/listen.conf"
      mkdir -p "$run/tmp"
      nginx_conf "$run" "$data/nginx/servers.conf" > "$run/nginx.conf"
      OPENSSL_CONF=$OSSL_CONF taskset -c "$SERVER_CPUS" nginx -c "$run/nginx.conf" -g 'daemon off;' > "$run/server.log" 2>&1 &
      SERVER_PID=$!
      ;;
    haproxy)
      haproxy_cfg "$data" > "$run/haproxy.cfg"
      OPENSSL_CONF=$OSSL_CONF taskset -c "$SERVER_CPUS" haproxy -db -f "$run/haproxy.cfg" > "$run/server.log" 2>&1 &
      SERVER_PID=$!
      ;;
    *) echo "unknown server $server" >&2; exit 64 ;;
  esac
}

client() { # args... ; prints the client's JSON line; returns its exit code
  taskset -c "$CLIENT_CPUS" node "$CLIENT" --port "$PORT" --concurrency "$CONCURRENCY" "$@"
}

json() { node -e "const o=JSON.parse(process.argv[1]); console.log(o[process.argv[2]] ?? '')" "$1" "$2"; }

FAILED=0
for key in $KEYS; do
  data=$(certs "$key")
  hosts=$data/hosts.tsv
  for server in $SERVERS; do
    if ss -ltn "( sport = :$PORT )" | grep -q LISTEN; then
      echo "port $PORT is in use" >&2
      exit 1
    fi
    log "== $key $server: starting"
    t0=$(date +%s%3N)
    start_server "$server" "$data"
    set +e
    probe=$(client --hosts "$hosts" --probe "$STARTUP_TIMEOUT" --watchPid "$SERVER_PID")
    rc=$?
    set -e
    okAt=$(json "$probe" okAtMs)
    if [[ $rc -ne 0 || -z "$okAt" ]]; then
      log "$server did not serve the right certificate: $probe"
      echo "{\"key\":\"$key\",\"server\":\"$server\",\"phase\":\"startup\",\"failed\":$(node -e 'console.log(JSON.stringify(process.argv[1]))' "$probe")}" >> "$RESULTS"
      FAILED=1
      stop_server
      continue
    fi
    startup_ms=$((okAt - t0))
    rss_start=$(server_rss_kb)
    log "$server first correct handshake after $startup_ms ms (RSS ${rss_start} kB)"

    # warm-up, not measured as a run: pass 1 goes over every hostname once (every certificate cold:
    # ccsfront prepares each on first use; the JIT compiles), its CPU is reported as "first pass";
    # pass 2 repeats it (WARMUP_PASSES=2) so that the measured runs see a warm JIT
    for pass in $(seq 1 "$WARMUP_PASSES"); do
      [[ $pass == 1 ]] && thread_ticks > "$RES/threads-$key-$server-pass1.before"
      c0=$(server_ticks)
      set +e
      warm=$(client --hosts "$hosts" --count "$HOSTS" --duration "$WARMUP_SECONDS" --start 0 --maxErrors $((HOSTS / 100)))
      rc=$?
      set -e
      c1=$(server_ticks)
      if [[ $pass == 1 ]]; then # where the cold pass's CPU went, by thread (ticks; JVMs only have several)
        thread_ticks > "$RES/threads-$key-$server-pass1.after"
        thread_diff "$RES/threads-$key-$server-pass1.before" "$RES/threads-$key-$server-pass1.after" > "$RES/threads-$key-$server-pass1.txt" || true
      fi
      echo "{\"key\":\"$key\",\"server\":\"$server\",\"phase\":\"warmup\",\"pass\":$pass,\"startupMs\":$startup_ms,\"rssStartKb\":$rss_start,\"serverTicks\":$((c1 - c0)),\"tick\":$TICK,\"client\":$warm}" >> "$RESULTS"
      log "$server warm-up pass $pass: $(json "$warm" ok) handshakes, server CPU $(( (c1 - c0) * 1000000 / TICK / ($(json "$warm" ok) + 1) )) us each"
      if [[ $rc -eq 2 ]]; then break; fi
    done
    if [[ $rc -eq 2 ]]; then log "WRONG CERTIFICATE from $server: $warm"; FAILED=1; stop_server; continue; fi

    if [[ "$JFR" == 1 && "$server" == ccsfront-openssl ]]; then
      jcmd "$SERVER_PID" JFR.start name=measured settings=profile filename="$RES/run-$server-$(basename "$data")/measured.jfr" >/dev/null 2>&1 || true
    fi
    thread_ticks > "$RES/threads-$key-$server.before"
    for r in $(seq 1 "$RUNS"); do
      start=$(( (r * COUNT) % HOSTS ))
      c0=$(server_ticks)
      set +e
      res=$(client --hosts "$hosts" --count "$COUNT" --duration "$RUN_SECONDS" --start "$start" --maxErrors $((COUNT / 100)))
      rc=$?
      set -e
      c1=$(server_ticks)
      rss=$(server_rss_kb)
      echo "{\"key\":\"$key\",\"server\":\"$server\",\"phase\":\"run\",\"run\":$r,\"serverTicks\":$((c1 - c0)),\"tick\":$TICK,\"rssKb\":$rss,\"loadavg\":\"$(cut -d' ' -f1 /proc/loadavg)\",\"client\":$res}" >> "$RESULTS"
      ok=$(json "$res" ok)
      log "$server run $r: $ok handshakes, $(json "$res" rate)/s, server CPU $(( (c1 - c0) * 1000000 / TICK / (ok + 1) )) us each, p50 $(json "$res" p50ms) ms, load $(cut -d' ' -f1 /proc/loadavg)"
      if [[ $rc -eq 2 ]]; then log "WRONG CERTIFICATE from $server: $res"; FAILED=1; break; fi
      if [[ $rc -ne 0 ]]; then log "run failed ($rc): $res"; FAILED=1; fi
    done
    thread_ticks > "$RES/threads-$key-$server.after"
    # where the server's CPU went during the measured runs, by thread (ticks)
    thread_diff "$RES/threads-$key-$server.before" "$RES/threads-$key-$server.after" > "$RES/threads-$key-$server.txt" || true
    if [[ "$JFR" == 1 && "$server" == ccsfront-openssl ]]; then
      jcmd "$SERVER_PID" JFR.stop name=measured >/dev/null 2>&1 || true
    fi
    stop_server
  done
done

node "$ROOT/loadtest/scripts/bench-report.mjs" "$RES" > "$RES/report.md"
cat "$RES/report.md"
log "results: $RES"
exit $FAILED
