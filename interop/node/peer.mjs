// A libdatachannel peer (npm node-datachannel) driven by the Squall interop tests.
//
//   node peer.mjs <ws-url> <room> [name]
//
// Joins <room> on the Squall signaling server (docs/signaling.md) and negotiates with the first other
// member: the newcomer (who finds members already there) offers, an earlier member answers. Stays on
// 127.0.0.1 (bindAddress). Reads commands as JSON lines on stdin and reports what happens as JSON
// lines on stdout; diagnostics go to stderr. As offerer it opens a channel named "bootstrap" first:
// libdatachannel offers only once it has a channel to negotiate.
//
// Commands:
//   {"cmd":"open","label":L,"unordered":bool?,"maxRetransmits":n?}  create a DataChannel
//   {"cmd":"send","label":L,"text":S} | {"cmd":"send","label":L,"hex":H}  one text or binary message
//   {"cmd":"burst","label":L,"count":N}             texts "m-0" .. "m-(N-1)" once L is open
//   {"cmd":"bulk","label":L,"bytes":N,"chunk":C,"high":H,"low":W}
//        opens L, then sends N random bytes in binary messages of C bytes, keeping bufferedAmount
//        under H and refilling on bufferedAmountLow (threshold W); then the text "end"
//   {"cmd":"close","label":L}
//   {"cmd":"quit"}
// Events:
//   {"event":"joined","id","offering"}  {"event":"state","state"}
//   {"event":"channel","label","id","protocol"}   a channel the remote peer opened
//   {"event":"open","label"}  {"event":"closed","label"}  {"event":"error","label"?,"message"}
//   {"event":"text","label","text"}  {"event":"binary","label","hex"}
//   {"event":"sink","label","bytes","messages","hex"}  a "sink-*" channel received "end": byte and
//        message counts and SHA-256 of its binary messages (they are not reported one by one)
//   {"event":"sent","label","bytes","messages","hex","lowEvents"}  a bulk send was fully queued
import crypto from 'node:crypto';
import readline from 'node:readline';
import nodeDataChannel from 'node-datachannel';
import WebSocket from 'ws';

const [wsUrl, room, name = 'libdatachannel'] = process.argv.slice(2);
if (!wsUrl || !room) {
  process.stderr.write('usage: node peer.mjs <ws-url> <room> [name]\n');
  process.exit(2);
}

const emit = (event) => process.stdout.write(JSON.stringify(event) + '\n');
const log = (...args) => process.stderr.write(`[ndc] ${args.join(' ')}\n`);

nodeDataChannel.initLogger(process.env.SQUALL_INTEROP_NDC_LOG ?? 'Warning', (level, message) => log(level, message));

const channels = new Map(); // label -> DataChannel; the references keep received channels alive
const sinks = new Map(); // label -> {hash, bytes, messages}
const onOpen = new Map(); // label -> [functions to run once open]
let remote = null; // the peer id we negotiate with
const pendingCandidates = [];

const pc = new nodeDataChannel.PeerConnection(name, { iceServers: [], bindAddress: '127.0.0.1' });
const ws = new WebSocket(wsUrl);
const debug = process.env.SQUALL_INTEROP_DEBUG ? log : () => {};
const signal = (msg) => {
  debug('->', JSON.stringify(msg));
  ws.send(JSON.stringify(msg));
};

pc.onStateChange((state) => emit({ event: 'state', state }));
pc.onLocalDescription((sdp, type) => {
  signal({ type: type.toLowerCase(), to: remote, sdp });
});
pc.onLocalCandidate((candidate, mid) => {
  const text = candidate.startsWith('a=') ? candidate.slice(2) : candidate;
  const c = { candidate: text, sdpMid: mid, sdpMLineIndex: 0 };
  if (remote) signal({ type: 'candidate', to: remote, candidate: c });
  else pendingCandidates.push(c);
});
pc.onDataChannel((dc) => {
  const label = dc.getLabel();
  emit({ event: 'channel', label, id: dc.getId(), protocol: dc.getProtocol() });
  track(label, dc);
  // a received channel is open when announced
  opened(label);
});

function track(label, dc) {
  channels.set(label, dc);
  if (label.startsWith('sink-')) {
    sinks.set(label, { hash: crypto.createHash('sha256'), bytes: 0, messages: 0 });
  }
  dc.onOpen(() => opened(label));
  dc.onClosed(() => emit({ event: 'closed', label }));
  dc.onError((message) => emit({ event: 'error', label, message }));
  dc.onMessage((msg) => {
    const sink = sinks.get(label);
    if (typeof msg === 'string') {
      if (sink && msg === 'end') {
        emit({ event: 'sink', label, bytes: sink.bytes, messages: sink.messages, hex: sink.hash.digest('hex') });
      } else {
        emit({ event: 'text', label, text: msg });
      }
      return;
    }
    const bytes = Buffer.isBuffer(msg) ? msg : Buffer.from(msg);
    if (sink) {
      sink.hash.update(bytes);
      sink.bytes += bytes.length;
      sink.messages += 1;
    } else {
      emit({ event: 'binary', label, hex: bytes.toString('hex') });
    }
  });
}

const openedLabels = new Set();
function opened(label) {
  if (openedLabels.has(label)) return;
  openedLabels.add(label);
  emit({ event: 'open', label });
  for (const f of onOpen.get(label) ?? []) f();
  onOpen.delete(label);
}

function whenOpen(label, f) {
  if (openedLabels.has(label)) f();
  else onOpen.set(label, [...(onOpen.get(label) ?? []), f]);
}

function open(label, options = {}) {
  const init = {};
  if (options.unordered) init.unordered = true;
  if (options.maxRetransmits !== undefined) init.maxRetransmits = options.maxRetransmits;
  track(label, pc.createDataChannel(label, init));
}

function bulk({ label, bytes, chunk, high, low }) {
  if (!channels.has(label)) open(label);
  whenOpen(label, () => {
    const dc = channels.get(label);
    const hash = crypto.createHash('sha256');
    let sent = 0;
    let messages = 0;
    let lowEvents = 0;
    let done = false;
    const pump = () => {
      try {
        while (sent < bytes && dc.bufferedAmount() < high) {
          const data = crypto.randomBytes(Math.min(chunk, bytes - sent));
          hash.update(data);
          dc.sendMessageBinary(data);
          sent += data.length;
          messages += 1;
        }
        if (sent === bytes && !done) {
          done = true;
          dc.sendMessage('end');
          emit({ event: 'sent', label, bytes: sent, messages, hex: hash.digest('hex'), lowEvents });
        }
      } catch (e) {
        emit({ event: 'error', label, message: String(e) });
      }
    };
    dc.setBufferedAmountLowThreshold(low);
    dc.onBufferedAmountLow(() => {
      lowEvents += 1;
      pump();
    });
    pump();
  });
}

function command(line) {
  if (!line.trim()) return;
  const c = JSON.parse(line);
  const dc = channels.get(c.label);
  switch (c.cmd) {
    case 'open':
      open(c.label, c);
      break;
    case 'send':
      if ('text' in c) dc.sendMessage(c.text);
      else dc.sendMessageBinary(Buffer.from(c.hex, 'hex'));
      break;
    case 'burst':
      whenOpen(c.label, () => {
        for (let i = 0; i < c.count; i++) channels.get(c.label).sendMessage(`m-${i}`);
      });
      break;
    case 'bulk':
      bulk(c);
      break;
    case 'close':
      dc.close();
      break;
    case 'quit':
      shutdown(0);
      break;
    default:
      throw new Error(`unknown command ${c.cmd}`);
  }
}

function onSignal(msg) {
  switch (msg.type) {
    case 'joined': {
      const offering = msg.peers.length > 0;
      emit({ event: 'joined', id: msg.id, offering });
      if (offering) {
        // libdatachannel refuses to offer without a channel: the first one triggers the offer
        remote = msg.peers[0].id;
        open('bootstrap');
      }
      break;
    }
    case 'offer':
      if (remote && remote !== msg.from) return;
      remote = msg.from;
      pc.setRemoteDescription(msg.sdp, 'offer'); // the answer follows by itself
      break;
    case 'answer':
      if (msg.from === remote) pc.setRemoteDescription(msg.sdp, 'answer');
      break;
    case 'candidate':
      if (msg.from === remote && msg.candidate && msg.candidate.candidate) {
        pc.addRemoteCandidate(msg.candidate.candidate, msg.candidate.sdpMid ?? '0');
      }
      break;
    case 'error':
      emit({ event: 'error', message: `signaling ${msg.code}: ${msg.message}` });
      break;
    default:
      break;
  }
  if (remote) {
    for (const c of pendingCandidates.splice(0)) signal({ type: 'candidate', to: remote, candidate: c });
  }
}

ws.on('open', () => signal({ type: 'join', room, name }));
ws.on('message', (data) => {
  debug('<-', data.toString());
  try {
    onSignal(JSON.parse(data.toString()));
  } catch (e) {
    emit({ event: 'error', message: `signal handling: ${e.stack ?? e}` });
  }
});
ws.on('error', (e) => emit({ event: 'error', message: `websocket: ${e.message}` }));

const input = readline.createInterface({ input: process.stdin });
input.on('line', (line) => {
  try {
    command(line);
  } catch (e) {
    emit({ event: 'error', message: `command ${line}: ${e.stack ?? e}` });
  }
});
input.on('close', () => shutdown(0));

let stopping = false;
function shutdown(code) {
  if (stopping) return;
  stopping = true;
  for (const dc of channels.values()) {
    try {
      dc.close();
    } catch (e) {
      // already closed
    }
  }
  pc.close();
  ws.close();
  nodeDataChannel.cleanup();
  process.exit(code);
}
