import { Emitter } from './emitter.js';

/**
 * Client for the Squall signaling protocol (docs/signaling.md) over one WebSocket at /ws on the
 * page's own origin. Joins a room, relays offers/answers/candidates, and survives drops: it
 * reconnects with back-off and sends `resume` with the last resumeToken; on `resume-failed` it joins
 * again (a fresh identity, announced with `joined` and `resumed: false`).
 *
 * Events: 'state' (connecting | open | reconnecting | closed), 'joined' (msg), 'peer-joined',
 * 'peer-left', 'offer', 'answer', 'candidate', 'message' (server messages as received),
 * 'error' (msg), 'resume-failed'.
 */
export class SignalingClient extends Emitter {
  constructor(url = defaultUrl()) {
    super();
    this.url = url;
    this.ws = null;
    this.room = null;
    this.name = null;
    this.id = null;
    this.resumeToken = null;
    this.inRoom = false;
    this.outbox = [];
    this.closedByUser = false;
    this.retries = 0;
    this.retryTimer = 0;
    this.pingTimer = 0;
    this.state = 'closed';
  }

  /** Connects (if needed) and joins `room` as `name`. */
  join(room, name) {
    this.room = room;
    this.name = name;
    this.closedByUser = false;
    if (this.ws?.readyState === WebSocket.OPEN) this.sendJoin();
    else if (!this.ws) this.connect();
  }

  /** Sends a relay message; queued while the socket is down and flushed after the next joined. */
  send(msg) {
    if (this.inRoom && this.ws?.readyState === WebSocket.OPEN) {
      this.ws.send(JSON.stringify(msg));
    } else if (this.outbox.length < 1000) {
      this.outbox.push(msg);
    }
  }

  /** Leaves the room and closes the socket for good (used on hang-up and page unload). */
  leave() {
    this.closedByUser = true;
    clearTimeout(this.retryTimer);
    clearInterval(this.pingTimer);
    if (this.ws?.readyState === WebSocket.OPEN) {
      if (this.inRoom) this.ws.send(JSON.stringify({ type: 'leave' }));
      this.ws.close(1000, 'leave');
    }
    this.ws = null;
    this.inRoom = false;
    this.resumeToken = null;
    this.outbox = [];
    this.setState('closed');
  }

  /**
   * Drops the socket as a network failure would (for tests and diagnostics); it then resumes, not
   * before `holdMs` milliseconds.
   */
  simulateDrop(holdMs = 0) {
    this.holdUntil = Date.now() + holdMs;
    this.ws?.close(4000, 'simulated drop');
  }

  connect() {
    this.setState(this.retries > 0 ? 'reconnecting' : 'connecting');
    const ws = new WebSocket(this.url);
    this.ws = ws;
    ws.onopen = () => {
      if (this.ws !== ws) return;
      if (this.resumeToken) ws.send(JSON.stringify({ type: 'resume', resumeToken: this.resumeToken }));
      else this.sendJoin();
      clearInterval(this.pingTimer);
      this.pingTimer = setInterval(() => this.rawSend({ type: 'ping' }), 20000);
    };
    ws.onmessage = (e) => {
      if (this.ws !== ws || typeof e.data !== 'string') return;
      let msg;
      try {
        msg = JSON.parse(e.data);
      } catch {
        return;
      }
      if (msg && typeof msg.type === 'string') this.handle(msg);
    };
    ws.onclose = () => {
      if (this.ws !== ws) return;
      this.ws = null;
      this.inRoom = false;
      clearInterval(this.pingTimer);
      if (!this.closedByUser) this.scheduleReconnect();
    };
  }

  handle(msg) {
    switch (msg.type) {
      case 'joined':
        this.retries = 0;
        this.inRoom = true;
        this.id = msg.id;
        this.room = msg.room;
        this.resumeToken = msg.resumeToken;
        this.setState('open');
        if (!msg.resumed) this.outbox = []; // a fresh identity: old relays are meaningless
        this.emit('joined', msg);
        this.flush();
        break;
      case 'error':
        if (msg.code === 'resume-failed') {
          this.resumeToken = null;
          this.emit('resume-failed', msg);
          this.sendJoin();
        } else {
          console.warn('signaling error', msg.code, msg.message);
          this.emit('error', msg);
        }
        break;
      case 'shutdown':
        this.ws?.close();
        break;
      case 'pong':
        break;
      default:
        this.emit(msg.type, msg);
    }
  }

  sendJoin() {
    if (this.room && this.name) this.rawSend({ type: 'join', room: this.room, name: this.name });
  }

  rawSend(msg) {
    if (this.ws?.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify(msg));
  }

  flush() {
    const queued = this.outbox;
    this.outbox = [];
    for (const msg of queued) this.send(msg);
  }

  scheduleReconnect() {
    this.retries++;
    this.setState('reconnecting');
    const backoff = Math.min(10000, 250 * 2 ** Math.min(this.retries, 6)) * (0.75 + Math.random() / 2);
    const delay = Math.max(backoff, (this.holdUntil ?? 0) - Date.now());
    this.retryTimer = setTimeout(() => this.connect(), delay);
  }

  setState(state) {
    if (this.state === state) return;
    this.state = state;
    this.emit('state', state);
  }
}

function defaultUrl() {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}/ws`;
}
