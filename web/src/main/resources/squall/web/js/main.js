import { Chat } from './chat.js';
import { FileTransfers } from './file-transfer.js';
import { LocalMedia } from './media.js';
import { Mesh } from './mesh.js';
import { prefs } from './prefs.js';
import { hasTurnServer, iceTransportPolicy, relayOnlyIn } from './relay-mode.js';
import { roomFromPath, roomPath } from './room-names.js';
import { SignalingClient } from './signaling.js';
import { installTestHook } from './test-hook.js';
import { CallGrid } from './ui/call-grid.js';
import { bindChatPanel } from './ui/chat-panel.js';
import { $, $$, show } from './ui/dom.js';
import { bindFilesPanel } from './ui/files-panel.js';
import { showLanding } from './ui/landing.js';
import { showLobby } from './ui/lobby.js';
import { bindMediaControls } from './ui/media-controls.js';
import { toast } from './ui/toast.js';

/**
 * Entry point: `/` shows the landing page; `/r/<room>` shows the lobby, then the call. A tab that
 * reloads while in a call rejoins at once (the room is in the URL, the fact that we were in it in
 * sessionStorage). `?relay=1` (or the lobby's toggle) joins in relay-only mode. Wires the modules
 * together; owns no protocol logic itself.
 */
const app = { room: null, ready: false, relayOnly: false, signal: null, mesh: null, chat: null, files: null, media: null };
installTestHook(app);

const room = roomFromPath(location.pathname);
if (!room) {
  showLanding();
} else {
  enterRoom(room).catch((e) => {
    console.error(e);
    toast(`Something went wrong: ${e.message}`, 'error', 15000);
  });
}

async function enterRoom(room) {
  app.room = room;
  document.title = `${room} · Squall`;
  for (const el of $$('[data-room]')) el.textContent = room;
  const link = new URL(roomPath(room), location.origin).href;
  $('[data-testid="share-link"]').value = link;
  $('[data-testid="room-badge"]').hidden = false;
  for (const btn of $$('[data-action="copy-link"]')) btn.addEventListener('click', () => copy(link));

  const media = (app.media = new LocalMedia());
  bindMediaControls(media, () => app.chat?.announceMedia(!media.micMuted && !!media.audio, !!media.video));
  const rejoin = prefs.activeRoom === room && prefs.name;
  const started = media.start(prefs.devices);
  const name = rejoin ? prefs.name : await showLobby(media);
  await started;
  joinCall(room, name, media);
}

function joinCall(room, name, media) {
  show('call');
  prefs.activeRoom = room;
  const relayOnly = (app.relayOnly = relayOnlyIn(location.href));
  $('[data-testid="relay-badge"]').hidden = !relayOnly;
  const signal = (app.signal = new SignalingClient());
  const mesh = (app.mesh = new Mesh(signal, media, { iceTransportPolicy: iceTransportPolicy(relayOnly) }));
  const chat = (app.chat = new Chat(mesh, name));
  const files = (app.files = new FileTransfers(mesh));
  const grid = new CallGrid();
  grid.addSelf(name, media);
  bindChatPanel(chat);
  bindFilesPanel(files, mesh);
  chat.announceMedia(!!media.audio && !media.micMuted, !!media.video);

  const notice = $('[data-testid="call-notice"]');
  notice.textContent = media.notice;
  notice.hidden = !media.notice;
  media.on('state', () => {
    notice.textContent = media.notice;
    notice.hidden = !media.notice;
  });

  mesh.on('peer-added', (link) => grid.addPeer(link));
  mesh.on('peer-removed', (peerId, reason) => {
    const gone = grid.tiles.get(peerId)?.querySelector('.name')?.textContent ?? 'Someone';
    grid.removePeer(peerId);
    if (reason !== 'rejoined' && reason !== 'hangup') toast(`${gone} left the room`, 'warn');
  });
  mesh.on('joined', (msg) => {
    app.ready = true;
    if (msg.resumed) toast('Reconnected to the server');
    else if (relayOnly && !hasTurnServer(mesh.iceServers)) {
      toast('Relay only, but this server offers no TURN relay: connections will fail', 'warn', 15000);
    }
  });
  chat.on('media', (peerId, state) => grid.setPeerMedia(peerId, state));
  signal.on('state', (state) => {
    const el = $('[data-testid="signal-state"]');
    el.dataset.state = state;
    el.textContent = { open: 'online', connecting: 'connecting…', reconnecting: 'reconnecting…', closed: 'offline' }[state];
  });
  signal.on('resume-failed', () => toast('Connection was lost for too long: rejoining the room', 'warn'));
  signal.on('error', (msg) => {
    if (['room-full', 'bad-room', 'bad-name', 'unauthorized'].includes(msg.code)) {
      toast(`Cannot join: ${msg.message ?? msg.code}`, 'error', 15000);
      prefs.activeRoom = null;
    }
  });

  $('[data-testid="leave-button"]').addEventListener('click', () => {
    prefs.activeRoom = null;
    hangUp();
    location.assign('/');
  });
  // Leaving explicitly on unload (reload, close) lets the others drop our tile at once instead
  // of waiting for the server's resume grace period.
  addEventListener('pagehide', hangUp);
  // Restored from the back/forward cache after hangUp: start over (the room is in the URL).
  addEventListener('pageshow', (e) => e.persisted && location.reload());
  signal.join(room, name);
}

function hangUp() {
  app.ready = false;
  app.signal?.leave();
  app.mesh?.closeAll();
}

async function copy(text) {
  try {
    await navigator.clipboard.writeText(text);
    toast('Link copied');
  } catch {
    toast(text, 'info', 10000);
  }
}
