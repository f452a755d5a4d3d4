#!/bin/sh
# Runs inside `unshare -n`: only lo and a veth pair of our own exist.
set -e
OUT=$1
TOOLS=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$OUT"; OUT=$(cd "$OUT" && pwd)
cd "$TOOLS"
ip link set lo up
ip link add v0 type veth peer name v1
ip addr add 10.77.0.1/24 dev v0
ip -6 addr add fd77::1/64 dev v0 nodad
ip link set v0 up; ip link set v1 up
python3 "$TOOLS/server.py" 8765 "$OUT" &
SRV=$!
sleep 1
PROFILE=$(mktemp -d)
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --use-fake-device-for-media-stream --use-fake-ui-for-media-stream \
  --disable-features=WebRtcHideLocalIpsWithMdns \
  "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost" \
  --user-data-dir=$PROFILE --remote-debugging-port=0 "http://127.0.0.1:8765/capture.html?prefix=chromium" >"$OUT/../chromium.log" 2>&1 &
CHR=$!
i=0; while [ ! -f "$OUT/done" ] && [ $i -lt 120 ]; do sleep 0.5; i=$((i+1)); done
kill $CHR; wait $CHR || true
kill $SRV; wait $SRV || true
rm -rf "$PROFILE"
