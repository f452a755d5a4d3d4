import { Emitter } from './emitter.js';

const VIDEO = { width: { ideal: 640 }, height: { ideal: 480 }, frameRate: { ideal: 24, max: 30 } };

/**
 * The local camera and microphone: acquisition with graceful fallback (both, audio only, video
 * only, none), device selection, mute and camera on/off. `tracks` is always {audio, video} with
 * null for what is missing or switched off; 'tracks' fires whenever it changes so every peer
 * connection can replaceTrack() without renegotiation.
 *
 * Events: 'tracks' ({audio, video}), 'state' (this), 'devices' (MediaDeviceInfo[]).
 */
export class LocalMedia extends Emitter {
  constructor() {
    super();
    this.audio = null;
    this.video = null;
    this.micMuted = false;
    this.cameraOff = false;
    this.audioDeviceId = '';
    this.videoDeviceId = '';
    this.devices = [];
    this.notice = '';
    this.stream = new MediaStream();
  }

  get tracks() {
    return { audio: this.audio, video: this.video };
  }

  get hasAudio() {
    return !!this.audio;
  }

  /** Asks for camera and microphone; falls back to whatever is available, or nothing. */
  async start({ audioDeviceId = '', videoDeviceId = '' } = {}) {
    this.audioDeviceId = audioDeviceId;
    this.videoDeviceId = videoDeviceId;
    if (!navigator.mediaDevices?.getUserMedia) {
      this.notice = 'This browser gives no access to camera or microphone: you join receive-only.';
      this.changed();
      return;
    }
    const audio = this.constraint('audio');
    const video = this.constraint('video');
    const attempts = [{ audio, video }, { audio }, { video }];
    let lastError = null;
    for (const c of attempts) {
      try {
        const stream = await navigator.mediaDevices.getUserMedia(c);
        this.setTrack('audio', stream.getAudioTracks()[0] ?? null);
        this.setTrack('video', stream.getVideoTracks()[0] ?? null);
        break;
      } catch (e) {
        lastError = e;
      }
    }
    this.notice = this.describeMissing(lastError);
    await this.refreshDevices();
    this.changed();
  }

  describeMissing(error) {
    if (this.audio && this.video) return '';
    const why = error?.name === 'NotAllowedError' ? 'permission denied' : 'not available';
    if (!this.audio && !this.video) {
      return `No camera or microphone (${why}): you join receive-only, with chat and files.`;
    }
    return this.audio ? `No camera (${why}): others will hear you only.` : `No microphone (${why}).`;
  }

  constraint(kind) {
    const id = kind === 'audio' ? this.audioDeviceId : this.videoDeviceId;
    const base = kind === 'audio' ? { echoCancellation: true, noiseSuppression: true } : { ...VIDEO };
    return id ? { ...base, deviceId: { exact: id } } : base;
  }

  async refreshDevices() {
    try {
      this.devices = (await navigator.mediaDevices.enumerateDevices()).filter((d) => d.deviceId);
    } catch {
      this.devices = [];
    }
    this.emit('devices', this.devices);
  }

  /** Switches to another microphone or camera. */
  async selectDevice(kind, deviceId) {
    if (kind === 'audio') this.audioDeviceId = deviceId;
    else this.videoDeviceId = deviceId;
    if (kind === 'video' && this.cameraOff) return this.changed();
    const stream = await navigator.mediaDevices.getUserMedia({ [kind]: this.constraint(kind) });
    this.setTrack(kind, stream.getTracks()[0]);
    this.changed();
  }

  setMicMuted(muted) {
    this.micMuted = muted;
    if (this.audio) this.audio.enabled = !muted;
    this.changed();
  }

  /** Camera off releases the device (the light goes out); on acquires it again. */
  async setCameraOff(off) {
    this.cameraOff = off;
    if (off) {
      this.setTrack('video', null);
    } else {
      try {
        const stream = await navigator.mediaDevices.getUserMedia({ video: this.constraint('video') });
        this.setTrack('video', stream.getVideoTracks()[0]);
      } catch (e) {
        this.cameraOff = true;
        this.notice = `Camera could not start (${e.name}).`;
      }
    }
    this.changed();
  }

  setTrack(kind, track) {
    const old = this[kind];
    if (old === track) return;
    if (old) {
      old.stop();
      this.stream.removeTrack(old);
    }
    this[kind] = track;
    if (track) {
      if (kind === 'audio') track.enabled = !this.micMuted;
      this.stream.addTrack(track);
    }
    this.emit('tracks', this.tracks);
  }

  changed() {
    this.emit('state', this);
  }

  stop() {
    this.setTrack('audio', null);
    this.setTrack('video', null);
  }
}
