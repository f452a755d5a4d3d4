import { Emitter } from './emitter.js';
import { CHAT_LABEL } from './peer-link.js';

const MAX_TEXT = 4000;

/**
 * Text chat over each peer's 'squall-chat' DataChannel (docs/app-protocol.md). Messages are JSON
 * text frames; besides `chat` the channel carries `media` (the sender's mic/camera state). The
 * sender's name shown is the one the signaling server announced for that peer id.
 *
 * Events: 'message' ({from, name, text, ts, self}), 'media' (peerId, {audio, video}).
 */
export class Chat extends Emitter {
  constructor(mesh, selfName) {
    super();
    this.mesh = mesh;
    this.selfName = selfName;
    this.history = [];
    this.channels = new Map();
    this.mediaState = { audio: true, video: true };
    mesh.on('peer-added', (link) => {
      const existing = link.channels.get(CHAT_LABEL);
      if (existing) this.attach(link, existing);
      link.on('channel', (ch) => ch.label === CHAT_LABEL && this.attach(link, ch));
    });
    mesh.on('peer-removed', (peerId) => this.channels.delete(peerId));
  }

  attach(link, channel) {
    this.channels.set(link.peerId, channel);
    if (channel.readyState === 'open') this.sendTo(channel, this.mediaMessage());
    else channel.addEventListener('open', () => this.sendTo(channel, this.mediaMessage()));
    channel.addEventListener('message', (e) => this.onMessage(link, e.data));
  }

  onMessage(link, data) {
    if (typeof data !== 'string' || data.length > MAX_TEXT * 8) return;
    let msg;
    try {
      msg = JSON.parse(data);
    } catch {
      return;
    }
    if (msg?.type === 'chat' && typeof msg.text === 'string' && msg.text.length <= MAX_TEXT) {
      const ts = Number.isFinite(msg.ts) ? msg.ts : Date.now();
      const name = link.name || (typeof msg.name === 'string' ? msg.name.slice(0, 64) : 'Guest');
      this.record({ from: link.peerId, name, text: msg.text, ts, self: false });
    } else if (msg?.type === 'media') {
      this.emit('media', link.peerId, { audio: msg.audio !== false, video: msg.video !== false });
    }
  }

  /** Sends `text` to every peer whose chat channel is open; returns the history entry. */
  send(text) {
    const clean = String(text).trim().slice(0, MAX_TEXT);
    if (!clean) return null;
    const ts = Date.now();
    const msg = { type: 'chat', text: clean, name: this.selfName, ts };
    for (const ch of this.channels.values()) this.sendTo(ch, msg);
    return this.record({ from: this.mesh.selfId, name: this.selfName, text: clean, ts, self: true });
  }

  /** Tells every peer whether our mic and camera are on. */
  announceMedia(audio, video) {
    this.mediaState = { audio, video };
    for (const ch of this.channels.values()) this.sendTo(ch, this.mediaMessage());
  }

  mediaMessage() {
    return { type: 'media', ...this.mediaState };
  }

  sendTo(channel, msg) {
    if (channel.readyState === 'open') channel.send(JSON.stringify(msg));
  }

  record(entry) {
    this.history.push(entry);
    if (this.history.length > 1000) this.history.shift();
    this.emit('message', entry);
    return entry;
  }
}
