/** Room names: validation (docs/signaling.md) and random readable names like "amber-otter-417". */

const ADJECTIVES = [
  'amber', 'bold', 'brisk', 'calm', 'clever', 'cosmic', 'crisp', 'dapper', 'eager', 'fuzzy',
  'gentle', 'golden', 'happy', 'jolly', 'keen', 'lively', 'lucky', 'mellow', 'misty', 'nimble',
  'plucky', 'quiet', 'rapid', 'rosy', 'shiny', 'silver', 'sunny', 'swift', 'tidy', 'vivid', 'witty', 'zesty',
];
const NOUNS = [
  'badger', 'beacon', 'breeze', 'comet', 'coral', 'falcon', 'fern', 'harbor', 'heron', 'lagoon',
  'lantern', 'maple', 'meadow', 'nebula', 'orbit', 'otter', 'panda', 'pebble', 'pine', 'puffin',
  'quartz', 'raven', 'river', 'robin', 'summit', 'thistle', 'tiger', 'tulip', 'walrus', 'willow', 'wren', 'yak',
];

const ROOM = /^[A-Za-z0-9_-]{1,64}$/;

export function isValidRoom(name) {
  return typeof name === 'string' && ROOM.test(name);
}

export function randomRoomName() {
  const r = crypto.getRandomValues(new Uint32Array(3));
  const adjective = ADJECTIVES[r[0] % ADJECTIVES.length];
  const noun = NOUNS[r[1] % NOUNS.length];
  return `${adjective}-${noun}-${100 + (r[2] % 900)}`;
}

/** Turns what a user typed ("My Room!") into a valid room name ("My-Room"), or '' if nothing is left. */
export function normalizeRoom(text) {
  return String(text)
    .trim()
    .replace(/\s+/g, '-')
    .replace(/[^A-Za-z0-9_-]/g, '')
    .slice(0, 64);
}

/** The room of a `/r/<room>` path, or null. */
export function roomFromPath(pathname) {
  const m = /^\/r\/([^/]+)\/?$/.exec(pathname);
  if (!m) return null;
  let room;
  try {
    room = decodeURIComponent(m[1]);
  } catch {
    return null;
  }
  return isValidRoom(room) ? room : null;
}

export function roomPath(room) {
  return `/r/${encodeURIComponent(room)}`;
}
