#!/usr/bin/env bash
# Starts what the Gatling simulations and the scale run need, from a fresh clone (Java 17, Maven):
# builds the modules (no mvn install), generates the test certificates into loadtest/target
# (never committed), starts the site web workers and 1 or 3 (up to 4) frontend-node JVMs on
# 127.0.0.1..N, loads the data (CCS folder import on node 1, SNI certificates and bindings and
# sites through the admin API) and writes loadtest/target/ccsfront-bench/bench.properties, which
# the simulations read (each value can be overridden with -Dname=value).
#
#   loadtest/scripts/gatling/setup.sh start [--nodes 3] [--ccs 2000] [--sni 200] [--sites 20] [--cache-size 10000] [--heap 2g]
#   loadtest/scripts/gatling/setup.sh add-node 4        # one more node (member list covers 127.0.0.1..4)
#   loadtest/scripts/gatling/setup.sh start ... --import-later  # nodes without data; then:
#   loadtest/scripts/gatling/setup.sh import              # node 1 restarts with ccs.folder, then the admin API set-up
#   loadtest/scripts/gatling/setup.sh restart [--cache-size N] [--no-folder]   # every node, same data folders
#   loadtest/scripts/gatling/setup.sh stop
#
# Ports (loopback only): HTTPS 18443 and admin 19090 on each 127.0.0.i, cluster 15701, workers 18100+.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../../.." && pwd)"
OUT="$ROOT/loadtest/target/ccsfront-bench"
HTTPS_PORT=18443 ADMIN_PORT=19090 CLUSTER_PORT=15701 WORKER_BASE=18100 MAX_NODES=4
cmd="${1:-start}"; shift || true
NODES=3 CCS=2000 SNI=200 SITES=20 CACHE=10000 HEAP=2g POLL=10m BUILD=1 LATER=0 NOFOLDER=0
while [ $# -gt 0 ]; do
  case "$1" in
    --nodes) NODES=$2; shift 2;; --ccs) CCS=$2; shift 2;; --sni) SNI=$2; shift 2;;
    --sites) SITES=$2; shift 2;; --cache-size) CACHE=$2; shift 2;; --heap) HEAP=$2; shift 2;;
    --poll) POLL=$2; shift 2;; --no-build) BUILD=0; shift;; --import-later) LATER=1; shift;;
    --no-folder) NOFOLDER=1; shift;;
    [0-9]*) NODE_ARG=$1; shift;;
    *) echo "unknown option $1" >&2; exit 2;;
  esac
done
mkdir -p "$OUT"
[ -f "$OUT/secrets.env" ] || {
  echo "CCSFRONT_ADMIN_TOKEN=bench-$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')" > "$OUT/secrets.env"
  echo "CCSFRONT_MASTERKEY_VALUE=$(head -c 32 /dev/urandom | base64)" >> "$OUT/secrets.env"
}
set -a; . "$OUT/secrets.env"; set +a

log() { echo "[$(date +%H:%M:%S)] $*"; }

build() {
  [ "$BUILD" = 1 ] || return 0
  log "building frontend-node.jar and the loadtest test classes (mvn package -DskipTests)"
  (cd "$ROOT" && mvn -B -q -pl loadtest -am package dependency:build-classpath -DskipTests \
      -Dmdep.includeScope=test -Dmdep.outputFile="$OUT/cp.txt" >"$OUT/build.log" 2>&1) || { tail -40 "$OUT/build.log"; exit 1; }
  # the nodes run from a copy: later builds (each Gatling run packages the modules) must not rewrite their jar
  cp "$ROOT/frontend-node/target/frontend-node.jar" "$OUT/frontend-node.jar"
}

cp_() { echo "$ROOT/loadtest/target/test-classes:$(cat "$OUT/cp.txt")"; }

members() { local m=""; for k in $(seq 1 $MAX_NODES); do m="$m${m:+,}127.0.0.$k:$CLUSTER_PORT"; done; echo "$m"; }

start_node() { # i initialMembers cacheSize
  local i=$1 initial=$2 cache=$3 extra=()
  [ -f "$OUT/frontend-node.jar" ] || cp "$ROOT/frontend-node/target/frontend-node.jar" "$OUT/frontend-node.jar"
  if [ "$i" = 1 ] && [ -d "$OUT/data/ccs" ] && [ ! -f "$OUT/no-ccs-folder" ]; then
    extra+=(--set "ccs.folder=$OUT/data/ccs" --set "ccs.pollInterval=$POLL")
  fi
  mkdir -p "$OUT/node$i"
  # NODE_JAVA_OPTS: extra JVM options for every node (e.g. a JFR recording)
  # shellcheck disable=SC2086
  nohup java -Xms512m -Xmx"$HEAP" -XX:+UseG1GC ${NODE_JAVA_OPTS:-} -XX:+HeapDumpOnOutOfMemoryError -XX:HeapDumpPath="$OUT" \
      --add-opens java.base/java.lang=ALL-UNNAMED --add-opens java.base/sun.nio.ch=ALL-UNNAMED \
      -jar "$OUT/frontend-node.jar" \
      --set node.name=node$i --set node.dataDir="$OUT/node$i" \
      --set listeners.https=127.0.0.$i:$HTTPS_PORT --set listeners.http= \
      --set admin.host=127.0.0.$i --set admin.port=$ADMIN_PORT \
      --set cluster.enabled=true --set cluster.bindAddress=127.0.0.$i --set cluster.port=$CLUSTER_PORT \
      --set cluster.members="$(members)" --set cluster.initialMembers="$initial" --set cluster.joinTimeout=120s \
      --set tls.cacheSize="$cache" --set ccs.bindPorts=$HTTPS_PORT --set shutdown.drainTimeout=2s \
      "${extra[@]}" >>"$OUT/node$i.log" 2>&1 &
  echo $! > "$OUT/node$i.pid"
  echo "$cache" > "$OUT/node$i.cache"
  log "node$i started (pid $!, tls.cacheSize=$cache, log $OUT/node$i.log)"
}

await_ready() { # i timeoutSeconds
  local i=$1 t=${2:-300} s=$SECONDS
  until curl -sf -o /dev/null "http://127.0.0.$i:$ADMIN_PORT/health/ready"; do
    kill -0 "$(cat "$OUT/node$i.pid")" 2>/dev/null || { log "node$i died"; tail -30 "$OUT/node$i.log"; exit 1; }
    [ $((SECONDS - s)) -lt "$t" ] || { log "node$i not ready after ${t}s"; exit 1; }
    sleep 0.2
  done
}

stop_pid() { # file
  local f=$1
  [ -f "$f" ] || return 0
  local p; p=$(cat "$f")
  if kill -0 "$p" 2>/dev/null; then
    kill "$p"; for _ in $(seq 1 100); do kill -0 "$p" 2>/dev/null || break; sleep 0.2; done
    kill -0 "$p" 2>/dev/null && kill -9 "$p"
  fi
  rm -f "$f"
}

write_env() {
  local n; n=$(ls "$OUT"/node*.pid 2>/dev/null | wc -l)
  local t="" a=""
  for f in "$OUT"/node*.pid; do i=$(basename "$f" .pid); i=${i#node}; t="$t${t:+,}127.0.0.$i:$HTTPS_PORT"; a="$a${a:+,}http://127.0.0.$i:$ADMIN_PORT"; done
  cat > "$OUT/bench.properties" <<PROPS
# written by loadtest/scripts/gatling/setup.sh; -Dname=value overrides
target=$t
admin=$a
token=$CCSFRONT_ADMIN_TOKEN
hostsFile=$OUT/data/hosts.csv
PROPS
  log "$n node(s): $t; wrote $OUT/bench.properties"
}

run_setup() {
  admins=""; for f in "$OUT"/node*.pid; do i=$(basename "$f" .pid); i=${i#node}; admins="$admins${admins:+,}http://127.0.0.$i:$ADMIN_PORT"; done
  java -Xmx512m -cp "$(cp_)" io.ccsfront.bench.scale.Setup --data "$OUT/data" --admin "$admins" --token "$CCSFRONT_ADMIN_TOKEN" \
      --https-port $HTTPS_PORT --worker-base-port $WORKER_BASE 2>&1 | grep -v '|-' | tee "$OUT/setup.txt"
  write_env
}

case "$cmd" in
  start)
    build
    if [ ! -f "$OUT/data/generated.properties" ] || ! grep -qx "ccs=$CCS" "$OUT/data/generated.properties" \
        || ! grep -qx "sni=$SNI" "$OUT/data/generated.properties" || ! grep -qx "sites=$SITES" "$OUT/data/generated.properties"; then
      rm -rf "$OUT/data"
      log "generating $CCS CCS + $SNI SNI certificates"
      java -Xmx2g -cp "$(cp_)" io.ccsfront.bench.scale.CertGen --out "$OUT/data" --ccs "$CCS" --sni "$SNI" --sites "$SITES" | tee "$OUT/certgen.txt"
    fi
    stop_pid "$OUT/workers.pid"
    nohup java -Xmx256m -cp "$(cp_)" io.ccsfront.bench.scale.Workers --base-port $WORKER_BASE --sites "$SITES" >"$OUT/workers.log" 2>&1 &
    echo $! > "$OUT/workers.pid"
    if [ "$LATER" = 1 ]; then touch "$OUT/no-ccs-folder"; else rm -f "$OUT/no-ccs-folder"; fi
    for i in $(seq 1 "$NODES"); do start_node "$i" "$NODES" "$CACHE"; done
    for i in $(seq 1 "$NODES"); do await_ready "$i" 300; done
    log "all $NODES node(s) ready"
    if [ "$LATER" = 1 ]; then write_env; log "data not loaded yet (--import-later): run '$0 import'"; exit 0; fi
    run_setup
    ;;
  import)
    # node 1 restarts with ccs.folder (the cluster keeps running), then the admin API part of the set-up
    rm -f "$OUT/no-ccs-folder"
    stop_pid "$OUT/node1.pid"; n=$(($(ls "$OUT"/node*.pid | wc -l) + 1))
    start_node 1 "$n" "$(cat "$OUT/node1.cache")"; await_ready 1 600
    log "node1 ready again, importing the CCS folder"
    run_setup
    ;;
  setup-only)
    run_setup
    ;;
  add-node)
    i=${NODE_ARG:-4}; n=$(ls "$OUT"/node*.pid | wc -l)
    start_node "$i" $((n + 1)) "$CACHE"; s=$(date +%s%N)
    await_ready "$i" 900
    log "node$i ready after $(( ($(date +%s%N) - s) / 1000000 )) ms"
    write_env
    ;;
  restart)
    ids=$(for f in "$OUT"/node*.pid; do i=$(basename "$f" .pid); echo "${i#node}"; done)
    n=$(echo "$ids" | wc -l)
    for i in $ids; do stop_pid "$OUT/node$i.pid"; done
    # --no-folder: node 1 comes back without ccs.folder (a restarted watcher re-reads and re-checks every file)
    if [ "$NOFOLDER" = 1 ]; then touch "$OUT/no-ccs-folder"; fi
    for i in $ids; do start_node "$i" "$n" "$CACHE"; done
    for i in $ids; do await_ready "$i" 600; done
    log "all $n node(s) ready again"; write_env
    ;;
  env) write_env;;
  stop)
    for f in "$OUT"/node*.pid; do stop_pid "$f"; done
    stop_pid "$OUT/workers.pid"
    log "stopped"
    ;;
  *) echo "usage: $0 start|import|setup-only|add-node N|restart|env|stop [options]" >&2; exit 2;;
esac
