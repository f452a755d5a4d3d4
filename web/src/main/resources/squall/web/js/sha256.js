/**
 * Incremental SHA-256 (FIPS 180-4). WebCrypto only hashes a whole buffer at once, so file transfer
 * uses this to hash a file slice by slice with flat memory, on both sides, for files of any size.
 *
 *   const h = new Sha256(); h.update(bytes1); h.update(bytes2); const hex = h.hex();
 */

const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

const INITIAL = [
  0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
];

export class Sha256 {
  constructor() {
    this.state = new Int32Array(INITIAL);
    this.block = new Uint8Array(64);
    this.blockLength = 0;
    this.totalBytes = 0;
    this.w = new Int32Array(64);
    this.finished = false;
  }

  /** Adds bytes (Uint8Array, ArrayBuffer or any ArrayBufferView) to the hash. */
  update(data) {
    if (this.finished) throw new Error('Sha256: update after digest');
    const bytes = toBytes(data);
    let pos = 0;
    const len = bytes.length;
    this.totalBytes += len;
    if (this.blockLength > 0) {
      const take = Math.min(64 - this.blockLength, len);
      this.block.set(bytes.subarray(0, take), this.blockLength);
      this.blockLength += take;
      pos = take;
      if (this.blockLength < 64) return this;
      this.compress(this.block, 0);
      this.blockLength = 0;
    }
    while (len - pos >= 64) {
      this.compress(bytes, pos);
      pos += 64;
    }
    if (pos < len) {
      this.block.set(bytes.subarray(pos), 0);
      this.blockLength = len - pos;
    }
    return this;
  }

  /** Finishes the hash and returns the 32-byte digest. The object cannot be updated afterwards. */
  digest() {
    if (this.finished) throw new Error('Sha256: digest called twice');
    const bits = this.totalBytes * 8; // exact up to 2^53: files up to 1 PiB
    const padLength = this.blockLength < 56 ? 56 - this.blockLength : 120 - this.blockLength;
    const pad = new Uint8Array(padLength + 8);
    pad[0] = 0x80;
    const view = new DataView(pad.buffer);
    view.setUint32(padLength, Math.floor(bits / 0x100000000));
    view.setUint32(padLength + 4, bits >>> 0);
    const total = this.totalBytes;
    this.update(pad);
    this.totalBytes = total;
    this.finished = true;
    const out = new Uint8Array(32);
    const outView = new DataView(out.buffer);
    for (let i = 0; i < 8; i++) outView.setInt32(i * 4, this.state[i]);
    return out;
  }

  /** Finishes the hash and returns it as 64 lower-case hex digits. */
  hex() {
    return toHex(this.digest());
  }

  compress(bytes, offset) {
    const w = this.w;
    for (let i = 0; i < 16; i++) {
      const j = offset + i * 4;
      w[i] = (bytes[j] << 24) | (bytes[j + 1] << 16) | (bytes[j + 2] << 8) | bytes[j + 3];
    }
    for (let i = 16; i < 64; i++) {
      const x = w[i - 15];
      const y = w[i - 2];
      const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
      const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
      w[i] = (w[i - 16] + s0 + w[i - 7] + s1) | 0;
    }
    const s = this.state;
    let a = s[0], b = s[1], c = s[2], d = s[3], e = s[4], f = s[5], g = s[6], h = s[7];
    for (let i = 0; i < 64; i++) {
      const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      const ch = (e & f) ^ (~e & g);
      const t1 = (h + S1 + ch + K[i] + w[i]) | 0;
      const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      const maj = (a & b) ^ (a & c) ^ (b & c);
      const t2 = (S0 + maj) | 0;
      h = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) | 0;
    }
    s[0] = (s[0] + a) | 0;
    s[1] = (s[1] + b) | 0;
    s[2] = (s[2] + c) | 0;
    s[3] = (s[3] + d) | 0;
    s[4] = (s[4] + e) | 0;
    s[5] = (s[5] + f) | 0;
    s[6] = (s[6] + g) | 0;
    s[7] = (s[7] + h) | 0;
  }
}

/** SHA-256 of one buffer, as hex. */
export function sha256Hex(data) {
  return new Sha256().update(data).hex();
}

export function toHex(bytes) {
  let s = '';
  for (const b of bytes) s += (b < 16 ? '0' : '') + b.toString(16);
  return s;
}

function toBytes(data) {
  if (data instanceof Uint8Array) return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  throw new TypeError('Sha256: expected bytes');
}
