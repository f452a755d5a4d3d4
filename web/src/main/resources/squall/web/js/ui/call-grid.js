import { $, h } from './dom.js';
import { initials } from './format.js';

const STATUS_TEXT = {
  connecting: 'connecting',
  direct: 'connected direct',
  relay: 'connected via relay',
  disconnected: 'reconnecting',
  failed: 'failed',
  closed: 'closed',
};

/** The video grid: one tile for us, one per peer, with name, connection state and candidate types. */
export class CallGrid {
  constructor() {
    this.grid = $('[data-testid="grid"]');
    this.tiles = new Map();
  }

  addSelf(name, media) {
    const tile = this.makeTile('self', `${name} (you)`, media.stream, true);
    tile.classList.add('self');
    const render = () => {
      tile.dataset.video = media.video ? 'on' : 'off';
      tile.querySelector('.muted-mic').hidden = !media.micMuted && !!media.audio;
      tile.querySelector('.status').hidden = true;
    };
    media.on('state', render);
    render();
  }

  addPeer(link) {
    const tile = this.makeTile(link.peerId, link.name, link.remoteStream, false);
    tile.dataset.status = 'connecting';
    link.on('track', (stream) => {
      const video = tile.querySelector('video');
      if (video.srcObject !== stream) video.srcObject = stream;
      video.play().catch(() => {});
    });
    link.on('state', (s) => this.setStatus(link.peerId, s));
  }

  setStatus(peerId, { status, candidateType }) {
    const tile = this.tiles.get(peerId);
    if (!tile) return;
    tile.dataset.status = status;
    const types = candidateType.local ? ` · ${candidateType.local}/${candidateType.remote}` : '';
    const connected = status === 'direct' || status === 'relay';
    tile.querySelector('.status').textContent = (STATUS_TEXT[status] ?? status) + (connected ? types : '');
  }

  setPeerMedia(peerId, { audio, video }) {
    const tile = this.tiles.get(peerId);
    if (!tile) return;
    tile.dataset.video = video ? 'on' : 'off';
    tile.querySelector('.muted-mic').hidden = audio;
  }

  removePeer(peerId) {
    const tile = this.tiles.get(peerId);
    if (!tile) return;
    tile.querySelector('video').srcObject = null;
    tile.remove();
    this.tiles.delete(peerId);
    this.layout();
  }

  clear() {
    for (const id of [...this.tiles.keys()]) if (id !== 'self') this.removePeer(id);
  }

  makeTile(id, name, stream, muted) {
    const video = h('video', { autoplay: true, playsInline: true, muted });
    video.srcObject = stream;
    const tile = h(
      'div',
      { class: 'tile', dataset: { testid: 'tile', peerId: id, video: 'on' } },
      video,
      h('div', { class: 'avatar' }, initials(name)),
      h(
        'div',
        { class: 'label' },
        h('span', { class: 'chip name', dataset: { testid: 'tile-name' } }, name),
        h('span', { class: 'chip status', dataset: { testid: 'tile-status' } }, 'connecting'),
        h('span', { class: 'chip muted-mic', hidden: true }, 'muted'),
      ),
    );
    tile.setAttribute('data-testid', 'tile');
    this.tiles.set(id, tile);
    this.grid.append(tile);
    this.layout();
    return tile;
  }

  layout() {
    this.grid.dataset.count = String(Math.min(this.tiles.size, 6));
  }
}
