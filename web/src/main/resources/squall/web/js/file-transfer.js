import { Emitter } from './emitter.js';
import { decodeChunk, parseControl } from './file-protocol.js';
import { IncomingTransfer } from './file-receiver.js';
import { LOW_WATER, OutgoingTransfer } from './file-sender.js';
import { FILE_LABEL } from './peer-link.js';

const OPEN_TIMEOUT_MS = 20000;

/**
 * All file transfers of this page: attaches to each peer's 'squall-file' channel, routes control
 * and chunk frames to the right transfer, starts outgoing transfers, and fails every transfer with
 * a peer that leaves or whose channel closes.
 *
 * Events: 'transfer' (new transfer), 'update' (transfer), 'received' (entry), 'sent' (entry).
 */
export class FileTransfers extends Emitter {
  constructor(mesh) {
    super();
    this.mesh = mesh;
    this.channels = new Map(); // peerId -> channel
    this.outgoing = new Map(); // `${peerId}/${id}` -> OutgoingTransfer
    this.incoming = new Map(); // `${peerId}/${id}` -> IncomingTransfer
    this.transfers = [];
    this.received = [];
    this.sent = [];
    this.nextId = (Math.random() * 0x7fffffff) >>> 0;
    mesh.on('peer-added', (link) => {
      const existing = link.channels.get(FILE_LABEL);
      if (existing) this.attach(link, existing);
      link.on('channel', (ch) => ch.label === FILE_LABEL && this.attach(link, ch));
    });
    mesh.on('peer-removed', (peerId) => this.dropPeer(peerId, 'peer left'));
  }

  attach(link, channel) {
    this.channels.set(link.peerId, channel);
    channel.bufferedAmountLowThreshold = LOW_WATER;
    channel.addEventListener('message', (e) => this.onMessage(link, e.data));
    channel.addEventListener('close', () => {
      if (this.channels.get(link.peerId) === channel) this.dropPeer(link.peerId, 'connection lost');
    });
  }

  /**
   * Sends `file` (File or Blob) to one peer, or to every peer when `to` is null.
   * @returns {Promise<Array<{name, size, sha256, to}>>} resolves when every receiver verified it
   */
  async send(file, to = null) {
    const targets = to ? [to] : [...this.mesh.links.keys()];
    if (targets.length === 0) throw new Error('nobody to send to');
    return Promise.all(targets.map((peerId) => this.sendOne(file, peerId)));
  }

  async sendOne(file, peerId) {
    const link = this.mesh.links.get(peerId);
    if (!link) throw new Error(`unknown peer ${peerId}`);
    const channel = await this.openChannel(link);
    const id = this.nextId++ >>> 0;
    const t = new OutgoingTransfer({ id, file, channel, peerId, peerName: link.name });
    this.track(t, this.outgoing, `${peerId}/${id}`);
    t.on('end', () => {
      if (t.state !== 'done') return;
      const entry = { name: t.name, size: t.size, sha256: t.sha256, to: peerId };
      this.sent.push(entry);
      this.emit('sent', entry);
    });
    t.run();
    return t.done;
  }

  openChannel(link) {
    const ch = this.channels.get(link.peerId);
    if (ch?.readyState === 'open') return Promise.resolve(ch);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        off();
        reject(new Error(`no data connection to ${link.name}`));
      }, OPEN_TIMEOUT_MS);
      const check = () => {
        const c = this.channels.get(link.peerId);
        if (c?.readyState === 'open') {
          off();
          clearTimeout(timer);
          resolve(c);
        } else if (c) c.addEventListener('open', check, { once: true });
      };
      const off = link.on('channel', check);
      check();
    });
  }

  onMessage(link, data) {
    const peerId = link.peerId;
    if (typeof data !== 'string') {
      const chunk = decodeChunk(data);
      if (chunk) this.incoming.get(`${peerId}/${chunk.id}`)?.onChunk(chunk.offset, chunk.payload);
      return;
    }
    const msg = parseControl(data);
    if (!msg) return;
    const key = `${peerId}/${msg.id}`;
    switch (msg.type) {
      case 'file-offer': {
        if (this.incoming.get(key)?.active) return;
        const channel = this.channels.get(peerId);
        const t = new IncomingTransfer({ offer: msg, channel, peerId, peerName: link.name });
        this.track(t, this.incoming, key);
        t.on('end', () => {
          if (t.state !== 'done') return;
          const entry = { name: t.name, size: t.size, sha256: t.sha256, from: peerId };
          this.received.push(entry);
          this.emit('received', entry);
        });
        break;
      }
      case 'file-end':
        this.incoming.get(key)?.onEnd(msg);
        break;
      case 'file-result':
        this.outgoing.get(key)?.onResult(msg);
        break;
      case 'file-cancel':
        // role names who cancelled: the sender cancels its outgoing = our incoming, and vice versa
        (msg.role === 'sender' ? this.incoming : this.outgoing).get(key)?.onCancel(msg.reason);
        break;
    }
  }

  track(t, map, key) {
    map.set(key, t);
    this.transfers.push(t);
    t.on('progress', () => this.emit('update', t));
    t.on('end', () => map.get(key) === t && map.delete(key));
    this.emit('transfer', t);
  }

  dropPeer(peerId, reason) {
    this.channels.delete(peerId);
    for (const map of [this.outgoing, this.incoming]) {
      for (const t of [...map.values()]) if (t.peerId === peerId) t.fail(reason);
    }
  }
}
