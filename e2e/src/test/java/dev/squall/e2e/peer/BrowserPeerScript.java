package dev.squall.e2e.peer;

/**
 * The browser half of the interop tests, injected with {@code executeScript}: it joins a Squall
 * room over the signaling WebSocket and runs one RTCPeerConnection with a DataChannel, offering
 * when it is the newcomer (docs/signaling.md) and answering otherwise. Messages are handled one at
 * a time, in order. {@link #STATE} reads back what the browser reports.
 *
 * <p>DataChannels: the offerer creates channel {@code squall} and sends {@code "ping from
 * chromium"} when it opens. Every channel records what it receives in {@code received} (text as is,
 * binary as {@code "bin:1,2,3"}), and answers each binary message with the binary {@code [7,8,9]}.
 * Channels the peer opens are recorded in {@code remoteLabels}.
 */
final class BrowserPeerScript {

  private BrowserPeerScript() {}

  /** Arguments: the WebSocket URL, the room. */
  static final String START =
      """
      const [wsUrl, room] = arguments;
      const st = (window.__squall = {
        joined: false, error: null, ice: [], received: [], remoteLabels: [], opened: [] });
      const wire = (ch) => {
        ch.binaryType = 'arraybuffer';
        ch.onopen = () => st.opened.push(ch.label);
        ch.onmessage = (e) => {
          if (typeof e.data === 'string') {
            st.received.push(e.data);
          } else {
            st.received.push('bin:' + Array.from(new Uint8Array(e.data)).join(','));
            ch.send(new Uint8Array([7, 8, 9]).buffer);
          }
        };
        return ch;
      };
      const ws = new WebSocket(wsUrl);
      let pc = null;
      let remote = null;
      let chain = Promise.resolve();
      const send = (m) => ws.send(JSON.stringify(m));
      const makePc = () => {
        pc = new RTCPeerConnection({ iceServers: [] });
        st.pc = pc;
        pc.oniceconnectionstatechange = () => st.ice.push(pc.iceConnectionState);
        pc.ondatachannel = (e) => {
          st.remoteLabels.push(e.channel.label);
          wire(e.channel);
        };
        pc.onicecandidate = (e) =>
          send({ type: 'candidate', to: remote, candidate: e.candidate ? e.candidate.toJSON() : null });
      };
      const handle = async (m) => {
        if (m.type === 'joined') {
          st.joined = true;
          if (m.peers.length > 0) {
            remote = m.peers[0].id;
            makePc();
            st.channel = wire(pc.createDataChannel('squall'));
            st.channel.addEventListener('open', () => st.channel.send('ping from chromium'));
            await pc.setLocalDescription(await pc.createOffer());
            send({ type: 'offer', to: remote, sdp: pc.localDescription.sdp });
          }
        } else if (m.type === 'offer' && pc === null) {
          remote = m.from;
          makePc();
          await pc.setRemoteDescription({ type: 'offer', sdp: m.sdp });
          await pc.setLocalDescription(await pc.createAnswer());
          send({ type: 'answer', to: remote, sdp: pc.localDescription.sdp });
        } else if (m.type === 'answer' && m.from === remote) {
          await pc.setRemoteDescription({ type: 'answer', sdp: m.sdp });
        } else if (m.type === 'candidate' && m.from === remote) {
          try {
            await (m.candidate ? pc.addIceCandidate(m.candidate) : pc.addIceCandidate());
          } catch (e) {
            st.candidateError = String(e);
          }
        } else if (m.type === 'error') {
          st.error = m.code + ': ' + m.message;
        }
      };
      ws.onopen = () => send({ type: 'join', room, name: 'chromium' });
      ws.onerror = () => (st.error = 'websocket error');
      ws.onmessage = (ev) => {
        const m = JSON.parse(ev.data);
        chain = chain.then(() => handle(m)).catch((e) => (st.error = String(e)));
      };
      """;

  /** Returns {joined, error, ice, dtls, history, received, remoteLabels, opened} (a map). */
  static final String STATE =
      """
      const st = window.__squall || {};
      const pc = st.pc;
      return {
        joined: !!st.joined,
        error: st.error || null,
        ice: pc ? pc.iceConnectionState : null,
        dtls: pc && pc.sctp ? pc.sctp.transport.state : null,
        history: st.ice || [],
        received: st.received || [],
        remoteLabels: st.remoteLabels || [],
        opened: st.opened || [],
      };
      """;
}
