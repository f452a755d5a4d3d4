/**
 * What the app remembers: the display name and chosen devices (localStorage, across visits) and
 * the room this tab is in (sessionStorage, so a reload of the tab rejoins without the lobby).
 */

const NAME = 'squall.name';
const DEVICES = 'squall.devices';
const ACTIVE_ROOM = 'squall.activeRoom';

function read(storage, key) {
  try {
    return storage.getItem(key);
  } catch {
    return null;
  }
}

function write(storage, key, value) {
  try {
    if (value == null) storage.removeItem(key);
    else storage.setItem(key, value);
  } catch {
    /* storage disabled: nothing is remembered */
  }
}

export const prefs = {
  get name() {
    return read(localStorage, NAME) ?? '';
  },
  set name(value) {
    write(localStorage, NAME, value);
  },
  get devices() {
    try {
      return JSON.parse(read(localStorage, DEVICES) ?? '{}') ?? {};
    } catch {
      return {};
    }
  },
  set devices(value) {
    write(localStorage, DEVICES, JSON.stringify(value));
  },
  get activeRoom() {
    return read(sessionStorage, ACTIVE_ROOM);
  },
  set activeRoom(room) {
    write(sessionStorage, ACTIVE_ROOM, room);
  },
};

/** A display name as the server accepts it: 1..64 characters after trimming, no control characters. */
export function cleanDisplayName(text) {
  return String(text ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 64);
}
