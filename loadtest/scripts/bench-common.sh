# Shared by handshake-bench.sh and side-by-side.sh (sourced, not run): the paths and this run's
# results folder, logging, Debian prerequisites, the build, the environment header, certificates,
# the OpenSSL no-tickets configuration and the nginx/HAProxy configurations, so that both
# benchmarks give the peers exactly the same settings. Expects ROOT, OUT, HOSTS, INSTALL, SKIP_BUILD.

NODE_JAR=$ROOT/frontend-node/target/frontend-node.jar
BENCH_JAR=$ROOT/loadtest/target/benchmarks.jar
CLIENT=$ROOT/loadtest/scripts/tls-load.mjs
RES=$OUT/$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$OUT" "$RES"
RESULTS=$RES/results.jsonl
TICK=$(getconf CLK_TCK)

log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" | tee -a "$RES/bench.log" >&2; }

# CPU ticks per thread between two thread-tick listings ("name ticks", sorted in the C locale), largest first
thread_diff() { # before after
  LC_ALL=C join "$1" "$2" | awk '$3 > $2 {print $3 - $2, $1}' | sort -rn
}

# the process and all its descendants (nginx master + workers; a JVM is one process)
tree_pids() {
  local p=$1
  echo "$p"
  local c
  for c in $(pgrep -P "$p" 2>/dev/null); do tree_pids "$c"; done
}

need() { # command debian-package
  if ! command -v "$1" >/dev/null 2>&1; then
    if [[ "$INSTALL" == 1 ]]; then
      log "installing Debian package $2 (for $1)"
      if [[ -z "${APT_UPDATED:-}" ]]; then apt-get update -qq; APT_UPDATED=1; fi
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null
    else
      echo "missing $1 (Debian package $2); run with INSTALL=1 or install it" >&2
      exit 1
    fi
  fi
}

need_all() {
  need nginx nginx-light
  need haproxy haproxy
  need openssl openssl
  need node nodejs
  need curl curl
  need taskset util-linux
  need ss iproute2
  need java openjdk-17-jdk-headless
  need mvn maven
}

build() {
  if [[ "$SKIP_BUILD" != 1 ]]; then
    log "building frontend-node.jar and benchmarks.jar"
    (cd "$ROOT" && mvn -B -q -pl ccs-store,frontend-node,loadtest -am package -DskipTests)
  fi
}

# the lines every report starts with; the caller adds its settings line
environment_header() {
  echo "date: $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "host: $(nproc) CPUs, $(awk '/MemTotal/{printf "%.0f GB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), Linux $(uname -r)"
  echo "java: $(java -version 2>&1 | head -2 | tail -1)"
  echo "netty-tcnative-boringssl-static: $(sed -n 's:.*<netty-tcnative.version>\(.*\)</netty-tcnative.version>.*:\1:p' "$ROOT/pom.xml" | head -1)"
  echo "nginx: $(nginx -v 2>&1)"
  echo "haproxy: $(haproxy -v | head -1)"
  echo "openssl: $(openssl version)"
  echo "node: $(node -v)"
}

certs() { # key -> data folder (generated once per key type and host count)
  local key=$1 dir=$OUT/certs-$1-$HOSTS
  if [[ ! -f $dir/generated.properties ]] || [[ $(wc -l < "$dir/hosts.tsv") -ne $HOSTS ]]; then
    log "generating $HOSTS $key certificates into $dir"
    java -cp "$BENCH_JAR" io.ccsfront.bench.CertGen -out "$dir" -n "$HOSTS" -key "$key" >&2
  fi
  echo "$dir"
}

# OpenSSL 3.0 (nginx, HAProxy) sends two stateful TLS 1.3 session tickets per handshake even with
# tickets and the session cache off; NumTickets = 0 in an OpenSSL config makes it send none, like
# ccsfront with tls.sessionTickets=false (the client reports tickets per connection: all 0).
write_no_tickets_conf() { # file
  cat > "$1" <<'EOF'
openssl_conf = openssl_init
[openssl_init]
ssl_conf = ssl_module
[ssl_module]
system_default = system_default_sect
[system_default_sect]
NumTickets = 0
EOF
}

nginx_conf() { # run-dir servers.conf -> nginx.conf on stdout (one worker, TLS 1.3, no tickets, no cache)
  local run=$1 servers=$2
  cat <<EOF
worker_processes 1;
user root;
pid $run/nginx.pid;
error_log $run/error.log warn;
events { worker_connections 8192; }
http {
  access_log off;
  client_body_temp_path $run/tmp;
  proxy_temp_path $run/tmp;
  fastcgi_temp_path $run/tmp;
  uwsgi_temp_path $run/tmp;
  scgi_temp_path $run/tmp;
  server_names_hash_max_size 65536;
  server_names_hash_bucket_size 128;
  ssl_protocols TLSv1.3;
  ssl_session_tickets off;
  ssl_session_cache off;
  include $servers;
}
EOF
}

haproxy_cfg() { # data-dir [extra global line] -> haproxy.cfg on stdout (one thread, TLS 1.3, no tickets)
  local data=$1 extra=${2:-}
  cat <<EOF
global
  nbthread 1
  maxconn 8000
  tune.ssl.cachesize 0
  ssl-default-bind-options ssl-min-ver TLSv1.3 no-tls-tickets
${extra:+  $extra
}defaults
  mode http
  timeout connect 5s
  timeout client 30s
  timeout server 30s
frontend bench
  bind 127.0.0.1:$PORT ssl crt $data/haproxy/ alpn http/1.1 ssl-min-ver TLSv1.3 no-tls-tickets
  http-request return status 200 content-type text/plain string "ok"
EOF
}
