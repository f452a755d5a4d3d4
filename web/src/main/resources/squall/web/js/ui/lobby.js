import { cleanDisplayName, prefs } from '../prefs.js';
import { relayOnlyIn, withRelayOnly } from '../relay-mode.js';
import { $, show } from './dom.js';

/**
 * The pre-join screen: camera preview, device choice, mute/camera toggles (bound elsewhere), the
 * display name, relay-only mode and the invite link. Resolves with the chosen name when the user
 * joins. The relay toggle mirrors the page URL's `?relay=1` and rewrites it when flipped.
 */
export function showLobby(media) {
  show('lobby');
  const root = $('#lobby');
  const video = $('[data-testid="preview-video"]', root);
  const notice = $('[data-testid="media-notice"]', root);
  const nameInput = $('[data-testid="name-input"]', root);
  const join = $('[data-testid="join-button"]', root);
  const cameraOff = $('[data-camera-off]', root);
  const relay = $('[data-testid="relay-toggle"]', root);
  relay.checked = relayOnlyIn(location.href);
  relay.addEventListener('change', () => history.replaceState(history.state, '', withRelayOnly(location.href, relay.checked)));
  video.srcObject = media.stream;
  nameInput.value = prefs.name;

  const render = () => {
    notice.textContent = media.notice;
    notice.hidden = !media.notice;
    cameraOff.hidden = !!media.video;
    cameraOff.textContent = media.cameraOff ? 'Camera is off' : 'No camera';
    join.disabled = !cleanDisplayName(nameInput.value);
  };
  const off = media.on('state', render);
  nameInput.addEventListener('input', render);
  render();
  nameInput.focus();

  return new Promise((resolve) => {
    const submit = () => {
      const name = cleanDisplayName(nameInput.value);
      if (!name) return;
      prefs.name = name;
      off();
      video.srcObject = null;
      resolve(name);
    };
    join.addEventListener('click', submit);
    nameInput.addEventListener('keydown', (e) => e.key === 'Enter' && submit());
  });
}
