/**
 * window.squall: read-only state for tests and debugging (documented in docs/app-protocol.md).
 * Every getter returns a fresh copy, so callers cannot change the app through it.
 */
export function installTestHook(app) {
  const hook = {};
  const getters = {
    id: () => app.signal?.id ?? null,
    room: () => app.room ?? null,
    ready: () => app.ready,
    relayOnly: () => app.relayOnly ?? false,
    signalingState: () => app.signal?.state ?? 'closed',
    peers: () => {
      const peers = {};
      for (const [id, link] of app.mesh?.links ?? []) {
        peers[id] = Object.freeze({
          name: link.name,
          connectionState: link.pc.connectionState,
          status: link.status,
          candidateType: link.candidateType.local ? `${link.candidateType.local}/${link.candidateType.remote}` : null,
          iceTransportPolicy: link.iceTransportPolicy,
          signalingState: link.pc.signalingState,
          localUfrag: link.localUfrag,
          iceRestarts: link.restarts,
          glares: link.glares,
          framesDecoded: () => link.framesDecoded(),
          restartIce: () => link.restartIce(),
        });
      }
      return Object.freeze(peers);
    },
    chat: () => (app.chat?.history ?? []).map(({ from, name, text, ts }) => Object.freeze({ from, name, text, ts })),
    received: () => (app.files?.received ?? []).map((e) => Object.freeze({ ...e })),
    sent: () => (app.files?.sent ?? []).map((e) => Object.freeze({ ...e })),
    transfers: () =>
      (app.files?.transfers ?? []).map((t) =>
        Object.freeze({ direction: t.direction, peerId: t.peerId, name: t.name, size: t.size, bytes: t.bytes, state: t.state, error: t.error }),
      ),
  };
  for (const [name, get] of Object.entries(getters)) Object.defineProperty(hook, name, { get, enumerable: true });
  hook.sendChat = (text) => {
    if (!app.chat) throw new Error('not in a call');
    return app.chat.send(text);
  };
  hook.sendFile = (fileOrBlob, toPeerIdOrNull = null) => {
    if (!app.files) return Promise.reject(new Error('not in a call'));
    return app.files.send(fileOrBlob, toPeerIdOrNull);
  };
  hook.dropSignaling = (holdMs = 0) => app.signal?.simulateDrop(holdMs);
  Object.defineProperty(window, 'squall', { value: Object.freeze(hook), configurable: false, writable: false });
}
