import { prefs } from '../prefs.js';
import { $$, h } from './dom.js';

/**
 * Binds every [data-media-controls] block (lobby and call bar) to LocalMedia: mic and camera
 * toggles ([data-role=mic|camera]) and device selects ([data-role=mic-select|camera-select]).
 */
export function bindMediaControls(media, onToggle = () => {}) {
  for (const root of $$('[data-media-controls]')) {
    for (const btn of $$('[data-role="mic"]', root)) {
      btn.addEventListener('click', () => {
        media.setMicMuted(!media.micMuted);
        onToggle();
      });
    }
    for (const btn of $$('[data-role="camera"]', root)) {
      btn.addEventListener('click', async () => {
        btn.disabled = true;
        await media.setCameraOff(!media.cameraOff);
        btn.disabled = false;
        onToggle();
      });
    }
    for (const [role, kind] of [['mic-select', 'audio'], ['camera-select', 'video']]) {
      for (const select of $$(`[data-role="${role}"]`, root)) {
        select.addEventListener('change', async () => {
          await media.selectDevice(kind, select.value).catch((e) => console.warn('device', e));
          prefs.devices = { audio: media.audioDeviceId, video: media.videoDeviceId };
        });
      }
    }
  }
  const render = () => renderControls(media);
  media.on('state', render);
  media.on('devices', render);
  render();
}

function renderControls(media) {
  for (const btn of $$('[data-role="mic"]')) {
    btn.textContent = media.micMuted ? 'Unmute' : 'Mute';
    btn.setAttribute('aria-pressed', String(media.micMuted));
    btn.disabled = !media.audio;
  }
  for (const btn of $$('[data-role="camera"]')) {
    btn.textContent = media.cameraOff ? 'Camera on' : 'Camera off';
    btn.setAttribute('aria-pressed', String(media.cameraOff));
    btn.disabled = !media.video && !media.cameraOff;
  }
  fillSelect('[data-role="mic-select"]', media.devices.filter((d) => d.kind === 'audioinput'), media.audio, media.audioDeviceId);
  fillSelect('[data-role="camera-select"]', media.devices.filter((d) => d.kind === 'videoinput'), media.video, media.videoDeviceId);
}

function fillSelect(selector, devices, track, chosenId) {
  const current = track?.getSettings?.().deviceId || chosenId;
  for (const select of $$(selector)) {
    select.replaceChildren(
      ...devices.map((d, i) => h('option', { value: d.deviceId, selected: d.deviceId === current }, d.label || `Device ${i + 1}`)),
    );
    if (devices.length === 0) select.append(h('option', { value: '' }, 'None found'));
    select.disabled = devices.length === 0;
  }
}
