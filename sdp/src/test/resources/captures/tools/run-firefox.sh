#!/bin/sh
# Runs inside `unshare -n`: only lo and a veth pair of our own exist, no route leaves the namespace.
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
ip route > "$OUT/../routes.txt"; ip -6 route >> "$OUT/../routes.txt"
python3 "$TOOLS/server.py" 8765 "$OUT" &
SRV=$!
sleep 1
PROFILE=$(mktemp -d)
cat > $PROFILE/user.js <<'PREFS'
user_pref("media.navigator.streams.fake", true);
user_pref("media.navigator.permission.disabled", true);
user_pref("media.peerconnection.ice.obfuscate_host_addresses", false);
user_pref("network.captive-portal-service.enabled", false);
user_pref("network.connectivity-service.enabled", false);
user_pref("network.dns.disablePrefetch", true);
user_pref("network.prefetch-next", false);
user_pref("browser.safebrowsing.malware.enabled", false);
user_pref("browser.safebrowsing.phishing.enabled", false);
user_pref("browser.safebrowsing.downloads.enabled", false);
user_pref("browser.safebrowsing.update.enabled", false);
user_pref("app.update.enabled", false);
user_pref("app.normandy.enabled", false);
user_pref("datareporting.healthreport.uploadEnabled", false);
user_pref("datareporting.policy.dataSubmissionEnabled", false);
user_pref("toolkit.telemetry.enabled", false);
user_pref("browser.ping-centre.telemetry", false);
user_pref("extensions.update.enabled", false);
user_pref("extensions.getAddons.cache.enabled", false);
user_pref("browser.search.update", false);
user_pref("dom.push.enabled", false);
user_pref("services.settings.server", "http://127.0.0.1:1/");
user_pref("browser.startup.homepage_override.mstone", "ignore");
user_pref("network.proxy.type", 0);
user_pref("network.trr.mode", 5);
user_pref("media.peerconnection.ice.loopback", true);
user_pref("network.process.enabled", false);
user_pref("media.peerconnection.mtransport_process", false);
PREFS
HOME=$PROFILE firefox-esr --headless --no-remote --profile $PROFILE "http://127.0.0.1:8765/capture.html?prefix=firefox" >"$OUT/../firefox.log" 2>&1 &
FF=$!
i=0; while [ ! -f "$OUT/done" ] && [ $i -lt 120 ]; do sleep 0.5; i=$((i+1)); done
kill $FF; wait $FF || true
kill $SRV; wait $SRV || true
rm -rf "$PROFILE"
