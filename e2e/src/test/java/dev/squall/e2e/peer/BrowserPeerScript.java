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
 * Channels the peer opens are recorded in {@code remoteLabels}; when {@link #DC_INSTALL} ran before
 * {@link #START}, channels it claims (labels {@code sink*} and {@code close*}) are handled by the
 * DataChannel helpers instead.
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
          const dc = window.__squallDc;
          if (!(dc && dc.claim(e.channel))) {
            wire(e.channel);
          }
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

  /**
   * Installs the DataChannel helpers in {@code window.__squallDc} (run it before {@link #START};
   * returns a promise, so Selenium waits for the page's {@code /js/sha256.js} module). A remote
   * channel labelled {@code sink*} hashes every binary message with an incremental SHA-256 and
   * finishes the hash on the text {@code "end"}; one labelled {@code close*} records its close.
   */
  static final String DC_INSTALL =
      """
      return import('/js/sha256.js').then(({ Sha256 }) => {
        const dc = (window.__squallDc = { Sha256, sinks: {}, sends: {}, closes: {}, local: {} });
        dc.watchClose = (ch) => {
          const c = (dc.closes[ch.label] = { fired: false, readyState: ch.readyState });
          ch.onopen = () => (c.readyState = ch.readyState);
          ch.onclose = () => {
            c.fired = true;
            c.readyState = ch.readyState;
          };
        };
        dc.sink = (ch) => {
          ch.binaryType = 'arraybuffer';
          const s = (dc.sinks[ch.label] =
            { bytes: 0, messages: 0, first: 0, last: 0, hex: null, error: null });
          const h = new Sha256();
          ch.onmessage = (e) => {
            try {
              if (typeof e.data === 'string') {
                if (e.data === 'end') s.hex = h.hex();
                return;
              }
              const now = performance.now();
              if (s.messages === 0) s.first = now;
              s.last = now;
              s.messages++;
              s.bytes += e.data.byteLength;
              h.update(new Uint8Array(e.data));
            } catch (err) {
              s.error = String(err);
            }
          };
        };
        dc.claim = (ch) => {
          if (ch.label.startsWith('sink')) {
            dc.sink(ch);
            return true;
          }
          if (ch.label.startsWith('close')) {
            dc.watchClose(ch);
            return true;
          }
          return false;
        };
        return true;
      });
      """;

  /**
   * Arguments: label, total bytes, message size (at most 65536), high-water mark, low threshold.
   * Opens a reliable ordered channel and, once open, sends random binary messages while its {@code
   * bufferedAmount} is under the high-water mark, resuming on {@code bufferedamountlow}; hashes
   * what it sends and ends with the text {@code "end"}. Progress is in {@code sends[label]}.
   */
  static final String DC_SEND =
      """
      const [label, total, chunk, high, low] = arguments;
      const dc = window.__squallDc;
      const ch = window.__squall.pc.createDataChannel(label);
      const s = (dc.sends[label] = { sent: 0, lowEvents: 0, hex: null, error: null });
      const h = new dc.Sha256();
      ch.bufferedAmountLowThreshold = low;
      const pump = () => {
        try {
          while (s.sent < total && ch.bufferedAmount < high) {
            const buf = new Uint8Array(Math.min(chunk, total - s.sent));
            crypto.getRandomValues(buf);
            h.update(buf);
            ch.send(buf);
            s.sent += buf.length;
          }
          if (s.sent >= total && s.hex === null) {
            s.hex = h.hex();
            ch.send('end');
          }
        } catch (err) {
          s.error = String(err);
        }
      };
      ch.onbufferedamountlow = () => {
        s.lowEvents++;
        pump();
      };
      ch.onopen = pump;
      """;

  /**
   * Arguments: label, RTCDataChannelInit, count. Opens a channel that sends the texts {@code "m-0"}
   * .. {@code "m-<count-1>"} once open; a {@code close*} label records its close in {@code closes}.
   */
  static final String DC_OPEN =
      """
      const [label, init, count] = arguments;
      const dc = window.__squallDc;
      const ch = (dc.local[label] = window.__squall.pc.createDataChannel(label, init));
      if (label.startsWith('close')) dc.watchClose(ch);
      ch.addEventListener('open', () => {
        for (let i = 0; i < count; i++) ch.send('m-' + i);
      });
      return true;
      """;

  /** Argument: the label of a channel opened by {@link #DC_OPEN}; closes it. */
  static final String DC_CLOSE = "window.__squallDc.local[arguments[0]].close();";

  /** Returns {sinks, sends, closes} of the DataChannel helpers (a map of maps). */
  static final String DC_STATE =
      """
      const dc = window.__squallDc;
      return JSON.parse(JSON.stringify({ sinks: dc.sinks, sends: dc.sends, closes: dc.closes }));
      """;
}
