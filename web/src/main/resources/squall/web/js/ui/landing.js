import { cleanDisplayName, prefs } from '../prefs.js';
import { relayOnlyIn, withRelayOnly } from '../relay-mode.js';
import { isValidRoom, normalizeRoom, randomRoomName, roomPath } from '../room-names.js';
import { $, show } from './dom.js';

/**
 * The landing page: remember the name, create a random room or join one by name. A landing URL
 * with `?relay=1` carries relay-only mode on to the room.
 */
export function showLanding() {
  show('landing');
  const root = $('#landing');
  const nameInput = $('[data-testid="landing-name"]', root);
  const error = $('[data-testid="landing-error"]', root);
  nameInput.value = prefs.name;
  nameInput.addEventListener('change', () => (prefs.name = cleanDisplayName(nameInput.value)));

  const go = (room) => {
    const name = cleanDisplayName(nameInput.value);
    if (name) prefs.name = name;
    location.assign(withRelayOnly(roomPath(room), relayOnlyIn(location.href)));
  };
  $('[data-testid="create-room"]', root).addEventListener('click', () => go(randomRoomName()));
  $('[data-testid="join-form"]', root).addEventListener('submit', (e) => {
    e.preventDefault();
    const room = normalizeRoom($('[data-testid="room-input"]', root).value);
    if (!isValidRoom(room)) {
      error.textContent = 'Room names use letters, digits, "-" and "_" (at most 64).';
      error.hidden = false;
      return;
    }
    go(room);
  });
  nameInput.focus();
}
