/**
 * Relay-only mode: `?relay=1` on a page's URL makes every RTCPeerConnection of the page use
 * `iceTransportPolicy: 'relay'`, so media and data go only through the server's TURN relay and the
 * other members never learn this browser's addresses. The URL is the one place the choice lives:
 * the lobby toggle rewrites it (history.replaceState), so a reload of the tab keeps it.
 */

const PARAM = 'relay';

/** True when `url` (string or URL) asks for relay-only mode (`relay=1` or `relay=true`). */
export function relayOnlyIn(url) {
  const value = new URL(url, location.href).searchParams.get(PARAM);
  return value === '1' || value === 'true';
}

/** `url` with relay-only mode switched on (`relay=1`) or off (parameter removed). */
export function withRelayOnly(url, on) {
  const u = new URL(url, location.href);
  if (on) u.searchParams.set(PARAM, '1');
  else u.searchParams.delete(PARAM);
  return u.href;
}

/** The RTCConfiguration iceTransportPolicy for the mode. */
export function iceTransportPolicy(relayOnly) {
  return relayOnly ? 'relay' : 'all';
}

/** True when the iceServers of `joined` include at least one TURN URL (turn: or turns:). */
export function hasTurnServer(iceServers) {
  return (iceServers ?? []).some((s) => [s?.urls ?? []].flat().some((u) => /^turns?:/.test(String(u))));
}
