// libdatachannel <-> libdatachannel anchor of docs/benchmarks.md "DataChannel": two node-datachannel
// PeerConnections in this one Node.js process, bound to 127.0.0.1, one reliable ordered channel.
// The sender keeps bufferedAmount between --low and --high (onBufferedAmountLow); the receiver
// counts bytes. Time runs from the first send to the last byte received (process.hrtime, the
// same CLOCK_MONOTONIC as Java's System.nanoTime). Bounded by --count messages and --timeout-s.
//
// node datachannel-throughput.mjs --module-dir DIR [--size 65536] [--count 16384]
//      [--low 1048576] [--high 4194304] [--timeout-s 300]
// Prints one line: RESULT bytes=.. messages=.. nanos=.. cpu_nanos=.. first_send=.. last_recv=..
import { createRequire } from 'node:module';
import path from 'node:path';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((acc, a, i, all) => {
    if (a.startsWith('--')) acc.push([a.slice(2), all[i + 1]]);
    return acc;
  }, []));
const moduleDir = args['module-dir'];
if (!moduleDir) {
  console.error('--module-dir is required');
  process.exit(2);
}
const size = Number(args.size ?? 65536);
const count = Number(args.count ?? 16384);
const low = Number(args.low ?? 1048576);
const high = Number(args.high ?? 4194304);
const timeoutMs = Number(args['timeout-s'] ?? 300) * 1000;
const total = size * count;

const require = createRequire(path.join(path.resolve(moduleDir), 'index.js'));
const ndc = require('node-datachannel');

const timer = setTimeout(() => {
  console.error(`timeout after ${timeoutMs} ms`);
  process.exit(3);
}, timeoutMs);

const config = { iceServers: [], bindAddress: '127.0.0.1' };
const a = new ndc.PeerConnection('sender', config);
const b = new ndc.PeerConnection('receiver', config);
a.onLocalDescription((sdp, type) => b.setRemoteDescription(sdp, type));
b.onLocalDescription((sdp, type) => a.setRemoteDescription(sdp, type));
a.onLocalCandidate((c, mid) => b.addRemoteCandidate(c, mid));
b.onLocalCandidate((c, mid) => a.addRemoteCandidate(c, mid));

const hr = () => process.hrtime.bigint();
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) * 1000;
};
let firstSend = 0n;
let cpuStart = 0;
let received = 0;
let receivedMessages = 0;
const channels = []; // keep received channels referenced, or GC closes them

b.onDataChannel((dc) => {
  channels.push(dc);
  dc.onMessage((msg) => {
    received += typeof msg === 'string' ? Buffer.byteLength(msg) : msg.byteLength;
    receivedMessages++;
    if (received >= total) {
      const lastRecv = hr();
      const cpuNanos = cpu() - cpuStart;
      console.log(`RESULT bytes=${received} messages=${receivedMessages} nanos=${lastRecv - firstSend}`
        + ` cpu_nanos=${cpuNanos} first_send=${firstSend} last_recv=${lastRecv}`);
      clearTimeout(timer);
      setTimeout(() => {
        a.close();
        b.close();
        ndc.cleanup();
        process.exit(0);
      }, 50);
    }
  });
});

const payload = Buffer.alloc(size, 7);
const dc = a.createDataChannel('bench', { ordered: true });
let sent = 0;
const pump = () => {
  while (sent < count && dc.bufferedAmount() < high) {
    // false means "buffered", not "failed" (libdatachannel's send semantics)
    dc.sendMessageBinary(payload);
    sent++;
  }
};
dc.setBufferedAmountLowThreshold(low);
dc.onBufferedAmountLow(pump);
dc.onOpen(() => {
  cpuStart = cpu();
  firstSend = hr();
  pump();
});
