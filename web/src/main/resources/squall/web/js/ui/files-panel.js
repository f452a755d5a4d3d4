import { $, h } from './dom.js';
import { formatBytes, formatEta, formatSpeed } from './format.js';
import { toast } from './toast.js';

const STATE_TEXT = {
  sending: 'sending',
  receiving: 'receiving',
  verifying: 'waiting for the receiver to verify',
  done: 'done, SHA-256 verified',
};

/** File picking (input or drop), target choice, and one progress row per transfer. */
export function bindFilesPanel(files, mesh) {
  const input = $('[data-testid="file-input"]');
  const zone = $('[data-testid="dropzone"]');
  const label = $('[data-file-label]');
  const target = $('[data-testid="file-target"]');
  const sendBtn = $('[data-testid="file-send"]');
  const list = $('[data-testid="transfers"]');
  let picked = null;

  const pick = (file) => {
    picked = file ?? null;
    label.textContent = picked ? `${picked.name} · ${formatBytes(picked.size)}` : 'Drop a file here or click to pick one';
    sendBtn.disabled = !picked || mesh.links.size === 0;
  };
  input.addEventListener('change', () => pick(input.files[0]));
  zone.addEventListener('dragover', (e) => {
    e.preventDefault();
    zone.classList.add('over');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    zone.classList.remove('over');
    pick(e.dataTransfer.files[0]);
  });
  sendBtn.addEventListener('click', () => {
    if (!picked) return;
    files.send(picked, target.value || null).catch((e) => toast(`File not sent: ${e.message}`, 'error'));
    input.value = '';
    pick(null);
  });

  const refreshTargets = () => {
    const chosen = target.value;
    target.replaceChildren(
      h('option', { value: '' }, 'Everyone'),
      ...[...mesh.links.values()].map((l) => h('option', { value: l.peerId, selected: l.peerId === chosen }, l.name)),
    );
    sendBtn.disabled = !picked || mesh.links.size === 0;
  };
  mesh.on('peer-added', refreshTargets);
  mesh.on('peer-removed', refreshTargets);

  files.on('transfer', (t) => {
    const row = new TransferRow(t);
    list.prepend(row.el);
    if (t.direction === 'in') toast(`${t.peerName} is sending ${t.name} (${formatBytes(t.size)})`);
  });
}

/** One transfer's row, redrawn at most every 200 ms. */
class TransferRow {
  constructor(t) {
    this.t = t;
    this.bar = h('progress', { max: 1, value: 0 });
    this.info = h('div', { class: 'info', dataset: { testid: 'transfer-info' } });
    this.actions = h('span', { class: 'actions' });
    this.cancelBtn = h('button', { type: 'button', class: 'ghost small', dataset: { testid: 'transfer-cancel' }, onclick: () => t.cancel() }, 'Cancel');
    const arrow = t.direction === 'out' ? `to ${t.peerName}` : `from ${t.peerName}`;
    this.el = h(
      'li',
      { class: 'transfer', dataset: { testid: 'transfer', direction: t.direction } },
      h('div', { class: 'head' }, h('span', { class: 'fname', title: t.name }, t.name), this.actions),
      h('div', { class: 'info' }, `${formatBytes(t.size)} ${arrow}`),
      this.bar,
      this.info,
    );
    this.actions.append(this.cancelBtn);
    this.lastDraw = 0;
    t.on('progress', () => this.schedule());
    t.on('end', () => this.draw());
    this.draw();
  }

  schedule() {
    const now = performance.now();
    if (now - this.lastDraw > 200) this.draw();
  }

  draw() {
    const t = this.t;
    this.lastDraw = performance.now();
    this.el.dataset.state = t.state;
    this.bar.value = t.size ? t.bytes / t.size : t.state === 'done' ? 1 : 0;
    if (t.state === 'sending' || t.state === 'receiving') {
      const pct = t.size ? Math.floor((100 * t.bytes) / t.size) : 0;
      this.info.textContent = `${pct}% · ${formatSpeed(t.speed)} · ${formatEta(t.eta)} left`;
    } else {
      this.info.textContent = STATE_TEXT[t.state] ?? `${t.state}${t.error ? `: ${t.error}` : ''}`;
    }
    if (!t.active) {
      this.cancelBtn.remove();
      if (t.state === 'done' && t.url && !this.actions.firstChild) {
        this.actions.append(h('a', { href: t.url, download: t.name, dataset: { testid: 'download-link' } }, 'Download'));
      }
      if (t.state === 'failed' || t.state === 'cancelled') toastOnce(this, t);
    }
  }
}

function toastOnce(row, t) {
  if (row.toasted) return;
  row.toasted = true;
  toast(`${t.name}: ${t.error || t.state}`, 'error');
}
