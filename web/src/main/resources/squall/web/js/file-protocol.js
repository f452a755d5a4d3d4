/**
 * Wire format of the 'squall-file' DataChannel (docs/app-protocol.md, "File transfer"): JSON text
 * frames for control, binary frames for data. A binary frame is a 12-byte header, transfer id
 * (uint32, big-endian) and byte offset (uint64, big-endian), followed by 1..65536 payload bytes.
 */

export const CHUNK_SIZE = 64 * 1024;
export const HEADER_SIZE = 12;
export const MAX_NAME = 255;

export function encodeChunk(id, offset, payload) {
  const frame = new Uint8Array(HEADER_SIZE + payload.byteLength);
  const view = new DataView(frame.buffer);
  view.setUint32(0, id);
  view.setUint32(4, Math.floor(offset / 0x100000000));
  view.setUint32(8, offset >>> 0);
  frame.set(payload, HEADER_SIZE);
  return frame;
}

/** @returns {{id: number, offset: number, payload: Uint8Array} | null} null when malformed */
export function decodeChunk(buffer) {
  if (!(buffer instanceof ArrayBuffer) || buffer.byteLength <= HEADER_SIZE) return null;
  if (buffer.byteLength > HEADER_SIZE + CHUNK_SIZE) return null;
  const view = new DataView(buffer);
  const offset = view.getUint32(4) * 0x100000000 + view.getUint32(8);
  return { id: view.getUint32(0), offset, payload: new Uint8Array(buffer, HEADER_SIZE) };
}

/** Validates a control message; returns it or null. */
export function parseControl(text) {
  let msg;
  try {
    msg = JSON.parse(text);
  } catch {
    return null;
  }
  if (!msg || typeof msg.type !== 'string' || !isId(msg.id)) return null;
  switch (msg.type) {
    case 'file-offer':
      return Number.isSafeInteger(msg.size) && msg.size >= 0 && typeof msg.name === 'string' ? msg : null;
    case 'file-end':
      return isHash(msg.sha256) ? msg : null;
    case 'file-result':
      return typeof msg.ok === 'boolean' ? msg : null;
    case 'file-cancel':
      return msg.role === 'sender' || msg.role === 'receiver' ? msg : null;
    default:
      return null;
  }
}

/** A file name safe to show and to offer as a download name. */
export function cleanName(name) {
  const base = String(name).split(/[/\\]/).pop().replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return (base || 'file').slice(0, MAX_NAME);
}

function isId(id) {
  return Number.isInteger(id) && id >= 0 && id <= 0xffffffff;
}

function isHash(h) {
  return typeof h === 'string' && /^[0-9a-f]{64}$/.test(h);
}
