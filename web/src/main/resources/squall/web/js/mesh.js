import { Emitter } from './emitter.js';
import { PeerLink } from './peer-link.js';

/**
 * The full mesh: one PeerLink per other member of the room, driven by signaling events. After a
 * fresh `joined` this page is the newcomer and offers to every listed member; members that arrive
 * later offer to us. A resumed session keeps its links (media flows peer to peer meanwhile).
 * Every link uses the same iceTransportPolicy: 'relay' in relay-only mode, else 'all'.
 *
 * Events: 'peer-added' (link), 'peer-removed' (peerId, reason), 'joined' (msg).
 */
export class Mesh extends Emitter {
  constructor(signal, media, { iceTransportPolicy = 'all' } = {}) {
    super();
    this.signal = signal;
    this.media = media;
    this.iceTransportPolicy = iceTransportPolicy;
    this.links = new Map();
    this.selfId = null;
    this.iceServers = [];
    signal.on('joined', (msg) => this.onJoined(msg));
    signal.on('peer-joined', ({ peer }) => peer && this.ensureLink(peer.id, peer.name, false));
    signal.on('peer-left', ({ id, reason }) => this.remove(id, reason ?? 'left'));
    for (const type of ['offer', 'answer', 'candidate']) {
      signal.on(type, (msg) => this.ensureLink(msg.from, null, false)?.receive(msg));
    }
    media.on('tracks', (tracks) => {
      for (const link of this.links.values()) link.setTracks(tracks);
    });
  }

  onJoined(msg) {
    this.iceServers = Array.isArray(msg.iceServers) ? msg.iceServers : [];
    const peers = Array.isArray(msg.peers) ? msg.peers : [];
    if (msg.resumed && msg.id === this.selfId) {
      const present = new Set(peers.map((p) => p.id));
      for (const id of [...this.links.keys()]) if (!present.has(id)) this.remove(id, 'left');
    } else {
      for (const id of [...this.links.keys()]) this.remove(id, 'rejoined');
      this.selfId = msg.id;
      for (const p of peers) this.ensureLink(p.id, p.name, true);
    }
    this.emit('joined', msg);
  }

  ensureLink(peerId, name, initiator) {
    if (typeof peerId !== 'string' || peerId === this.selfId || !this.selfId) return null;
    let link = this.links.get(peerId);
    if (link) {
      if (name) link.name = name;
      return link;
    }
    link = new PeerLink({
      selfId: this.selfId,
      peerId,
      name: name ?? 'Guest',
      iceServers: this.iceServers,
      iceTransportPolicy: this.iceTransportPolicy,
      signal: this.signal,
      initiator,
      tracks: this.media.tracks,
    });
    this.links.set(peerId, link);
    this.emit('peer-added', link);
    return link;
  }

  remove(peerId, reason) {
    const link = this.links.get(peerId);
    if (!link) return;
    this.links.delete(peerId);
    link.close();
    this.emit('peer-removed', peerId, reason);
  }

  closeAll() {
    for (const id of [...this.links.keys()]) this.remove(id, 'hangup');
  }
}
