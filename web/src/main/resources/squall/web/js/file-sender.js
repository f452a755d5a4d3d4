import { Emitter } from './emitter.js';
import { CHUNK_SIZE, cleanName, encodeChunk } from './file-protocol.js';
import { RateMeter } from './rate.js';
import { Sha256 } from './sha256.js';

const READ_SIZE = 1024 * 1024; // one File.slice read, split into 64 KiB chunks
const HIGH_WATER = 1024 * 1024; // pause while more than this is queued in the channel
export const LOW_WATER = 256 * 1024; // bufferedAmountLowThreshold: resume below this

/**
 * Sends one file to one peer over its 'squall-file' channel: file-offer, binary chunks read slice
 * by slice (at most READ_SIZE in memory, at most HIGH_WATER queued in the channel), file-end with
 * the SHA-256 computed on the way, then waits for the receiver's file-result. Memory stays flat
 * whatever the file size.
 *
 * State: sending → verifying → done | failed | cancelled. Events: 'progress', 'end'.
 */
export class OutgoingTransfer extends Emitter {
  constructor({ id, file, channel, peerId, peerName }) {
    super();
    this.id = id;
    this.direction = 'out';
    this.file = file;
    this.channel = channel;
    this.peerId = peerId;
    this.peerName = peerName;
    this.name = cleanName(file.name ?? 'file.bin');
    this.size = file.size;
    this.bytes = 0;
    this.state = 'sending';
    this.error = '';
    this.sha256 = null;
    this.speed = 0;
    this.eta = Infinity;
    this.meter = new RateMeter(this.size);
    this.done = new Promise((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
    this.done.catch(() => {});
  }

  get active() {
    return this.state === 'sending' || this.state === 'verifying';
  }

  async run() {
    try {
      const mime = this.file.type || 'application/octet-stream';
      this.sendControl({ type: 'file-offer', id: this.id, name: this.name, size: this.size, mime, chunkSize: CHUNK_SIZE });
      const hash = new Sha256();
      for (let offset = 0; offset < this.size && this.active; ) {
        const slice = new Uint8Array(await this.file.slice(offset, offset + READ_SIZE).arrayBuffer());
        if (slice.byteLength === 0) throw new Error('file shrank while reading');
        hash.update(slice);
        for (let p = 0; p < slice.byteLength && this.active; p += CHUNK_SIZE) {
          await this.drain();
          if (!this.active) break;
          this.channel.send(encodeChunk(this.id, offset + p, slice.subarray(p, p + CHUNK_SIZE)));
          this.progress(offset + Math.min(p + CHUNK_SIZE, slice.byteLength));
        }
        offset += slice.byteLength;
      }
      if (!this.active) return;
      this.sha256 = hash.hex();
      this.sendControl({ type: 'file-end', id: this.id, sha256: this.sha256 });
      this.state = 'verifying';
      this.emit('progress', this);
    } catch (e) {
      this.fail(e.message || String(e));
    }
  }

  /** Resolves when the channel has room again; rejects when it closes. */
  drain() {
    const ch = this.channel;
    if (ch.readyState !== 'open') return Promise.reject(new Error('connection lost'));
    if (ch.bufferedAmount <= HIGH_WATER) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const done = () => {
        ch.removeEventListener('bufferedamountlow', done);
        ch.removeEventListener('close', done);
        ch.readyState === 'open' ? resolve() : reject(new Error('connection lost'));
      };
      ch.addEventListener('bufferedamountlow', done);
      ch.addEventListener('close', done);
    });
  }

  progress(sent) {
    this.bytes = sent;
    const { speed, eta } = this.meter.update(Math.max(0, sent - this.channel.bufferedAmount));
    this.speed = speed;
    this.eta = eta;
    this.emit('progress', this);
  }

  /** The receiver's verdict (file-result). */
  onResult(msg) {
    if (!this.active) return;
    if (msg.ok && msg.sha256 === this.sha256) this.finish('done');
    else this.fail(`receiver's SHA-256 did not match (${msg.sha256 ?? 'none'})`);
  }

  /** Cancel from this side: tell the receiver. */
  cancel(reason = 'cancelled by sender') {
    if (!this.active) return;
    this.sendControl({ type: 'file-cancel', id: this.id, role: 'sender', reason });
    this.error = reason;
    this.finish('cancelled');
  }

  /** The receiver cancelled. */
  onCancel(reason) {
    if (!this.active) return;
    this.error = `cancelled by receiver${reason ? `: ${reason}` : ''}`;
    this.finish('cancelled');
  }

  fail(error) {
    if (!this.active) return;
    this.error = error;
    this.finish('failed');
  }

  finish(state) {
    this.state = state;
    this.bytes = state === 'done' ? this.size : this.bytes;
    this.emit('progress', this);
    this.emit('end', this);
    if (state === 'done') this.resolve({ name: this.name, size: this.size, sha256: this.sha256, to: this.peerId });
    else this.reject(new Error(`${this.name} to ${this.peerName}: ${this.error || state}`));
  }

  sendControl(msg) {
    if (this.channel.readyState !== 'open') throw new Error('connection lost');
    this.channel.send(JSON.stringify(msg));
  }
}
