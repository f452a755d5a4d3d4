import { Emitter } from './emitter.js';
import { readStats } from './stats.js';

export const CHAT_LABEL = 'squall-chat';
export const FILE_LABEL = 'squall-file';

/**
 * One RTCPeerConnection to one remote peer, negotiated with the "perfect negotiation" pattern: the
 * polite side rolls back its own offer on glare, the impolite side ignores the colliding offer.
 * The initiator (the newcomer, per docs/signaling.md) adds the audio and video transceivers and
 * opens the two DataChannels (DCEP); the other side adopts the offered transceivers. A failed ICE
 * connection is restarted with restartIce(), which renegotiates: at once the first time, then backing
 * off while it keeps failing (an unreachable peer or relay is not hammered with fresh allocations).
 * With iceTransportPolicy 'relay' only relay candidates are gathered, so a connected link is
 * always relayed.
 *
 * Events: 'track' (MediaStream), 'state' (summary), 'channel' (RTCDataChannel, open or opening).
 */
export class PeerLink extends Emitter {
  /**
   * @param {{selfId: string, peerId: string, name: string, iceServers: RTCIceServer[],
   *          iceTransportPolicy?: 'all'|'relay', signal: {send(msg): void}, initiator: boolean,
   *          tracks: {audio, video}}} opts
   */
  constructor({ selfId, peerId, name, iceServers, iceTransportPolicy = 'all', signal, initiator, tracks }) {
    super();
    this.peerId = peerId;
    this.name = name;
    this.signal = signal;
    this.polite = selfId < peerId;
    this.makingOffer = false;
    this.ignoreOffer = false;
    this.inbox = Promise.resolve();
    this.closed = false;
    this.tracks = tracks;
    this.remoteStream = new MediaStream();
    this.candidateType = { local: null, remote: null };
    this.channels = new Map();
    this.restarts = 0;
    this.failuresInARow = 0;
    this.restartTimer = null;
    this.glares = 0;
    this.pc = new RTCPeerConnection({ iceServers, iceTransportPolicy });
    this.wireEvents();
    if (initiator) {
      this.audioTx = this.pc.addTransceiver(tracks.audio ?? 'audio', { direction: 'sendrecv' });
      this.videoTx = this.pc.addTransceiver(tracks.video ?? 'video', { direction: 'sendrecv' });
      this.adoptChannel(this.pc.createDataChannel(CHAT_LABEL));
      this.adoptChannel(this.pc.createDataChannel(FILE_LABEL));
    }
    this.statsTimer = setInterval(() => this.pollStats(), 1000);
  }

  wireEvents() {
    const pc = this.pc;
    pc.onnegotiationneeded = async () => {
      try {
        this.makingOffer = true;
        await pc.setLocalDescription();
        this.signal.send({ type: 'offer', to: this.peerId, sdp: pc.localDescription.sdp });
      } catch (e) {
        console.warn('offer failed', this.peerId, e);
      } finally {
        this.makingOffer = false;
      }
    };
    pc.onicecandidate = ({ candidate }) => {
      if (candidate) this.signal.send({ type: 'candidate', to: this.peerId, candidate: candidate.toJSON() });
    };
    pc.ontrack = ({ track }) => {
      for (const old of this.remoteStream.getTracks()) {
        if (old.kind === track.kind && old !== track) this.remoteStream.removeTrack(old);
      }
      if (!this.remoteStream.getTracks().includes(track)) this.remoteStream.addTrack(track);
      this.emit('track', this.remoteStream);
    };
    pc.ondatachannel = ({ channel }) => this.adoptChannel(channel);
    pc.onconnectionstatechange = () => {
      if (pc.connectionState === 'connected') this.pollStats();
      this.emitState();
    };
    pc.oniceconnectionstatechange = () => {
      const state = pc.iceConnectionState;
      if (state === 'connected' || state === 'completed') this.failuresInARow = 0;
      if (state === 'failed') this.restartAfterFailure();
      this.emitState();
    };
  }

  /** Restarts a failed ICE connection: at once, then after 5, 10, 20, 30, 30… s while it keeps failing. */
  restartAfterFailure() {
    const delay = this.failuresInARow === 0 ? 0 : Math.min(30000, 5000 * 2 ** (this.failuresInARow - 1));
    this.failuresInARow++;
    clearTimeout(this.restartTimer);
    this.restartTimer = setTimeout(() => {
      if (this.pc.iceConnectionState === 'failed') this.restartIce();
    }, delay);
  }

  /** The ICE transport policy this link was created with: 'all' or 'relay'. */
  get iceTransportPolicy() {
    return this.pc.getConfiguration().iceTransportPolicy;
  }

  /** Starts an ICE restart: new credentials, renegotiated through onnegotiationneeded. */
  restartIce() {
    if (this.closed) return;
    this.restarts++;
    this.pc.restartIce();
  }

  /** The ICE username fragment of our current local description (changes on every restart). */
  get localUfrag() {
    return /^a=ice-ufrag:(\S+)/m.exec(this.pc.localDescription?.sdp ?? '')?.[1] ?? null;
  }

  adoptChannel(channel) {
    channel.binaryType = 'arraybuffer';
    this.channels.set(channel.label, channel);
    this.emit('channel', channel);
  }

  /** Handles a relayed offer, answer or candidate from this peer, in arrival order. */
  receive(msg) {
    this.inbox = this.inbox.then(() => this.process(msg)).catch((e) => console.warn('signal', msg.type, e));
    return this.inbox;
  }

  async process(msg) {
    if (this.closed) return;
    const pc = this.pc;
    if (msg.type === 'offer' || msg.type === 'answer') {
      const collision = msg.type === 'offer' && (this.makingOffer || pc.signalingState !== 'stable');
      if (collision) this.glares++;
      this.ignoreOffer = !this.polite && collision;
      if (this.ignoreOffer) return;
      await pc.setRemoteDescription({ type: msg.type, sdp: msg.sdp });
      if (msg.type === 'offer') {
        this.adoptTransceivers();
        await pc.setLocalDescription();
        this.signal.send({ type: 'answer', to: this.peerId, sdp: pc.localDescription.sdp });
      }
    } else if (msg.type === 'candidate' && msg.candidate) {
      try {
        await pc.addIceCandidate(msg.candidate);
      } catch (e) {
        if (!this.ignoreOffer) throw e;
      }
    }
  }

  /** The answerer sends its media on the transceivers the offer created. */
  adoptTransceivers() {
    for (const tx of this.pc.getTransceivers()) {
      const kind = tx.receiver.track.kind;
      if (kind === 'audio' && !this.audioTx) this.audioTx = tx;
      else if (kind === 'video' && !this.videoTx) this.videoTx = tx;
      else continue;
      tx.direction = 'sendrecv';
      tx.sender.replaceTrack(this.tracks[kind] ?? null);
    }
  }

  /** Swaps the local tracks without renegotiation (device change, camera on/off). */
  setTracks(tracks) {
    this.tracks = tracks;
    this.audioTx?.sender.replaceTrack(tracks.audio ?? null).catch(() => {});
    this.videoTx?.sender.replaceTrack(tracks.video ?? null).catch(() => {});
  }

  async pollStats() {
    if (this.closed) return;
    try {
      const s = await readStats(this.pc);
      const changed = s.local !== this.candidateType.local || s.remote !== this.candidateType.remote;
      this.candidateType = { local: s.local, remote: s.remote };
      this.lastFramesDecoded = s.framesDecoded;
      if (changed) this.emitState();
    } catch {
      /* closed meanwhile */
    }
  }

  /** Video frames decoded from this peer so far, fresh from getStats(). */
  async framesDecoded() {
    if (this.closed) return 0;
    return (await readStats(this.pc)).framesDecoded;
  }

  /**
   * connecting | direct | relay | failed | disconnected | closed: what the tile shows. Connected is
   * 'relay' when either end of the selected pair is a relay candidate, or, before the first stats
   * arrive, when the policy allows nothing but relay candidates.
   */
  get status() {
    const s = this.pc.connectionState;
    if (s === 'connected') {
      const { local, remote } = this.candidateType;
      if (local === 'relay' || remote === 'relay') return 'relay';
      return local === null && this.iceTransportPolicy === 'relay' ? 'relay' : 'direct';
    }
    if (s === 'new') return 'connecting';
    return s;
  }

  emitState() {
    this.emit('state', {
      connectionState: this.pc.connectionState,
      status: this.status,
      candidateType: this.candidateType,
    });
  }

  close() {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.statsTimer);
    clearTimeout(this.restartTimer);
    for (const ch of this.channels.values()) ch.close();
    this.pc.close();
    this.emitState();
  }
}
