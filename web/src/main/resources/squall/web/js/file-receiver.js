import { Emitter } from './emitter.js';
import { cleanName } from './file-protocol.js';
import { RateMeter } from './rate.js';
import { Sha256 } from './sha256.js';

const PART_SIZE = 16 * 1024 * 1024; // chunks are merged into Blobs of this size (the browser may page them to disk)

/**
 * Receives one file from one peer: hashes every chunk as it arrives (incremental SHA-256, so no
 * second pass over the file), collects the bytes into Blob parts, and on file-end compares its
 * hash with the sender's, answers file-result and offers a Blob download link.
 *
 * State: receiving → done | failed | cancelled. Events: 'progress', 'end'.
 */
export class IncomingTransfer extends Emitter {
  constructor({ offer, channel, peerId, peerName }) {
    super();
    this.id = offer.id;
    this.direction = 'in';
    this.channel = channel;
    this.peerId = peerId;
    this.peerName = peerName;
    this.name = cleanName(offer.name);
    this.mime = typeof offer.mime === 'string' && offer.mime.length < 128 ? offer.mime : 'application/octet-stream';
    this.size = offer.size;
    this.bytes = 0;
    this.state = 'receiving';
    this.error = '';
    this.sha256 = null;
    this.url = null;
    this.speed = 0;
    this.eta = Infinity;
    this.hash = new Sha256();
    this.parts = [];
    this.pending = [];
    this.pendingBytes = 0;
    this.meter = new RateMeter(this.size);
  }

  get active() {
    return this.state === 'receiving';
  }

  onChunk(offset, payload) {
    if (!this.active) return;
    if (offset !== this.bytes || this.bytes + payload.byteLength > this.size) {
      this.cancel(`unexpected chunk at offset ${offset} (expected ${this.bytes})`);
      return;
    }
    this.hash.update(payload);
    this.pending.push(payload);
    this.pendingBytes += payload.byteLength;
    this.bytes += payload.byteLength;
    if (this.pendingBytes >= PART_SIZE) this.flushPart();
    const { speed, eta } = this.meter.update(this.bytes);
    this.speed = speed;
    this.eta = eta;
    this.emit('progress', this);
  }

  flushPart() {
    if (this.pending.length) this.parts.push(new Blob(this.pending));
    this.pending = [];
    this.pendingBytes = 0;
  }

  onEnd(msg) {
    if (!this.active) return;
    this.sha256 = this.hash.hex();
    const ok = this.bytes === this.size && this.sha256 === msg.sha256;
    this.send({ type: 'file-result', id: this.id, ok, sha256: this.sha256 });
    if (!ok) {
      this.error = this.bytes !== this.size ? `got ${this.bytes} of ${this.size} bytes` : 'SHA-256 mismatch: file corrupted';
      this.finish('failed');
      return;
    }
    this.flushPart();
    this.blob = new Blob(this.parts, { type: this.mime });
    this.parts = [];
    this.url = URL.createObjectURL(this.blob);
    this.finish('done');
  }

  /** Cancel from this side: tell the sender. */
  cancel(reason = 'cancelled by receiver') {
    if (!this.active) return;
    this.send({ type: 'file-cancel', id: this.id, role: 'receiver', reason });
    this.error = reason;
    this.finish('cancelled');
  }

  /** The sender cancelled. */
  onCancel(reason) {
    if (!this.active) return;
    this.error = `cancelled by sender${reason ? `: ${reason}` : ''}`;
    this.finish('cancelled');
  }

  fail(error) {
    if (!this.active) return;
    this.error = error;
    this.finish('failed');
  }

  finish(state) {
    this.state = state;
    if (state !== 'done') {
      this.parts = [];
      this.pending = [];
    }
    this.emit('progress', this);
    this.emit('end', this);
  }

  send(msg) {
    if (this.channel.readyState === 'open') this.channel.send(JSON.stringify(msg));
  }
}
