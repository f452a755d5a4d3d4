#!/usr/bin/env bash
# Squall benchmarks (docs/benchmarks.md). Loopback only; every server it starts is stopped again.
#
#   bench/run.sh all [--quick]          STUN, signaling and JMH with the documented defaults
#   bench/run.sh stun   [options]       STUN Binding tx/s, Squall vs coturn   (--help for options)
#   bench/run.sh signal [options]       signaling relay, Squall vs PeerJS     (--help for options)
#   bench/run.sh jmh [PATTERN] [JMH options]  micro-benchmarks (default StunCodecBenchmark; -prof gc)
#   bench/run.sh connect [N] [WARMUP]   connection setup time, Java peer vs libwebrtc (default 100 20)
#   bench/run.sh datachannel [--quick] [options]  DataChannel throughput, rate, latency, lossy link,
#                                       heap: Squall vs libdatachannel, libwebrtc, Chromium (--help)
#   bench/run.sh turn [--quick] [options]  TURN relay pkt/s, MB/s, loss, latency (1 and 100
#                                       allocations), allocations/s and memory: Squall vs coturn
#
# Environment: SQUALL_BENCH_NO_BUILD=1 skips the Maven build (use what is in target/),
#              BENCH_JAVA_OPTS adds options to the load generator JVM,
#              BENCH_NICE=-10 runs generator and servers at that niceness (root; for shared machines).
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."

PEERJS_VERSION=1.0.2
PEERJS_DIR=bench/target/peerjs
NODE_DATACHANNEL_VERSION=0.33.4
NODE_DATACHANNEL_DIR=bench/target/node-datachannel
RESULTS=bench/target/results-$(date +%Y%m%d-%H%M%S).tsv

build() {
  if [ "${SQUALL_BENCH_NO_BUILD:-}" = 1 ] && [ -f bench/target/bench.classpath ] \
      && [ -f cli/target/squall-all.jar ]; then
    return
  fi
  echo "bench: building the server jar and the harnesses..." >&2
  ./mvnw -q -B -DskipTests -pl bench -am package >&2
}

need_coturn() {
  if ! command -v turnserver >/dev/null 2>&1; then
    echo "bench: installing coturn" >&2
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -q >&2
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends coturn >&2
  fi
  if pgrep -x turnserver >/dev/null 2>&1; then
    echo "bench: note: a turnserver is already running (pids $(pgrep -x turnserver | tr '\n' ' '));" \
      "it is not ours and is left alone, but it competes for CPU" >&2
  fi
}

need_peerjs() {
  if [ ! -f "$PEERJS_DIR/node_modules/peer/dist/bin/peerjs.js" ]; then
    command -v npm >/dev/null 2>&1 || { echo "bench: npm (Node.js) is required for PeerJS" >&2; exit 1; }
    echo "bench: installing peer@$PEERJS_VERSION into $PEERJS_DIR" >&2
    mkdir -p "$PEERJS_DIR"
    npm install --prefix "$PEERJS_DIR" --no-audit --no-fund --loglevel=error "peer@$PEERJS_VERSION" >&2
  fi
}

need_node_datachannel() {
  if [ ! -f "$NODE_DATACHANNEL_DIR/node_modules/node-datachannel/package.json" ]; then
    command -v npm >/dev/null 2>&1 || { echo "bench: npm (Node.js) is required for node-datachannel" >&2; exit 1; }
    echo "bench: installing node-datachannel@$NODE_DATACHANNEL_VERSION into $NODE_DATACHANNEL_DIR" >&2
    mkdir -p "$NODE_DATACHANNEL_DIR"
    npm install --prefix "$NODE_DATACHANNEL_DIR" --no-audit --no-fund --loglevel=error \
      "node-datachannel@$NODE_DATACHANNEL_VERSION" >&2
  fi
}

run_java() {
  # 10,000 WebSocket clients need 10,000+ descriptors here and in the server (inherits the limit)
  ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
  local cp="bench/target/classes:$(cat bench/target/bench.classpath)"
  local nice=()
  [ -n "${BENCH_NICE:-}" ] && nice=(nice -n "$BENCH_NICE")
  # shellcheck disable=SC2086
  "${nice[@]}" java -Xms1g -Xmx3g -Dlogback.configurationFile=logback-bench.xml ${BENCH_JAVA_OPTS:-} -cp "$cp" "$@"
}

# Runs java (as run_java) inside a private network namespace with lo and a veth pair 10.77.0.1/24:
# libwebrtc never gathers loopback addresses, and the namespace has no route out of the machine.
run_java_netns() {
  local cp="bench/target/classes:$(cat bench/target/bench.classpath)"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  # shellcheck disable=SC2086,SC2016
  $sudo timeout 900 unshare -n sh -c 'ip link set lo up && ip link add v0 type veth peer name v1 &&
      ip addr add 10.77.0.1/24 dev v0 && ip link set v0 up && ip link set v1 up && exec "$@"' sh \
    java -Xms1g -Xmx3g -Dlogback.configurationFile=logback-bench.xml ${BENCH_JAVA_OPTS:-} -cp "$cp" "$@"
}

# Appends the RESULT lines of a connect-time harness to $RESULTS (header once).
connect_results() {
  [ -s "$RESULTS" ] || printf 'connect\tconnections\tmedian_ms\tp99_ms\tmin_ms\tmax_ms\n' >"$RESULTS"
  grep '^RESULT' | cut -f2- >>"$RESULTS"
}

summary() {
  [ -s "$RESULTS" ] || return 0
  echo
  echo "== results ($RESULTS) =="
  column -t -s $'\t' "$RESULTS"
}

what="${1:-all}"
[ $# -gt 0 ] && shift
case "$what" in
  stun)
    build; need_coturn
    run_java dev.squall.bench.stun.StunBench --results "$RESULTS" "$@"
    ;;
  signal)
    build; need_peerjs
    run_java dev.squall.bench.signal.SignalBench --peerjs-dir "$PEERJS_DIR" --results "$RESULTS" "$@"
    ;;
  jmh)
    build
    # a benchmark name pattern goes first (bench/run.sh jmh DtlsRecordBenchmark -prof gc);
    # without one, run the STUN codec benchmarks
    if [ $# -eq 0 ] || [ "${1#-}" != "$1" ]; then set -- StunCodecBenchmark "$@"; fi
    run_java org.openjdk.jmh.Main "$@"
    ;;
  connect)
    build
    n="${1:-100}"; warmup="${2:-20}"
    echo "== Squall (127.0.0.1) =="
    out=$(run_java dev.squall.bench.connect.SquallConnectTime "$n" "$warmup")
    printf '%s\n' "$out"; printf '%s\n' "$out" | connect_results
    echo "== libwebrtc (webrtc-java, veth 10.77.0.1 in a private network namespace) =="
    out=$(run_java_netns dev.squall.bench.connect.LibWebRtcConnectTime "$n" "$warmup")
    printf '%s\n' "$out"; printf '%s\n' "$out" | connect_results
    awk -F'\t' '$1 == "squall" { s = $3 } $1 == "libwebrtc" { l = $3 }
      END { if (s && l) printf "median Squall / libwebrtc = %.2f (< 1 means Squall is faster)\n", s / l }' \
      "$RESULTS"
    ;;
  datachannel)
    if [ "${1:-}" = --help ]; then
      sed -n '/^## 5\. DataChannel/,$p' docs/benchmarks.md | grep -A4 '^\*\*Command' || true
      exit 0
    fi
    build; need_node_datachannel
    # children (peer JVMs, Node.js, libwebrtc in a network namespace, Chromium) are started and
    # stopped by the harness; the libwebrtc JVM needs root for unshare -n (sudo otherwise)
    run_java dev.squall.bench.datachannel.DataChannelBench --node-dir "$NODE_DATACHANNEL_DIR" \
      --results "$RESULTS" "$@"
    ;;
  turn)
    build; need_coturn
    if [ "${1:-}" = --quick ]; then
      shift; set -- --warmup 8 --duration 2 --rounds 1 --storm 2000 "$@"
    fi
    run_java dev.squall.bench.turn.TurnBench --results "$RESULTS" "$@"
    ;;
  all)
    build; need_coturn; need_peerjs
    if [ "${1:-}" = --quick ]; then
      stun_args=(--warmup 1 --duration 3 --rounds 1)
      signal_args=(--clients 1000 --latency-warmup 2 --latency-duration 5 --step-duration 3)
      jmh_args=(-wi 1 -w 1 -i 2 -r 1)
    else
      stun_args=(); signal_args=(); jmh_args=(-prof gc)
    fi
    run_java dev.squall.bench.stun.StunBench --results "$RESULTS" "${stun_args[@]}"
    run_java dev.squall.bench.signal.SignalBench --peerjs-dir "$PEERJS_DIR" --results "$RESULTS" \
      "${signal_args[@]}"
    run_java org.openjdk.jmh.Main StunCodecBenchmark "${jmh_args[@]}"
    ;;
  -h|--help|help)
    sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'
    exit 0
    ;;
  *)
    echo "bench/run.sh: unknown benchmark '$what' (stun, signal, jmh, connect, datachannel, turn, all)" >&2
    exit 2
    ;;
esac
summary
