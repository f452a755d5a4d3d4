package dev.squall.bench.datachannel;

import dev.squall.bench.ProcStats;
import dev.squall.datachannel.DataChannel;
import dev.squall.dtls.DtlsCertificate;
import dev.squall.peer.CompleteDescriptions;
import dev.squall.peer.Description;
import dev.squall.peer.PeerConfiguration;
import dev.squall.peer.PeerConnection;
import dev.squall.peer.UdpPeerConnections;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The Chromium side of the DataChannel throughput benchmark, in the harness's own JVM:
 *
 * <ul>
 *   <li>{@link #chromiumToChromium}: the anchor, two {@code RTCPeerConnection}s in one page of
 *       headless Chromium, connected in-page, the same flow control as every other sender ({@code
 *       bufferedAmountLowThreshold} and {@code onbufferedamountlow}); time from the first send to
 *       the last byte received ({@code performance.now()}).
 *   <li>{@link #squallToChromium}: a Squall {@link PeerConnection} (one NIO event loop, UDP on
 *       127.0.0.1) sends to a page; descriptions go through Selenium {@code executeAsyncScript}
 *       (non-trickle: each side waits for its candidates). The page answers "done" once it has
 *       every byte; time runs on the Squall side from the first send to that answer (one extra
 *       loopback one-way trip, well under a millisecond).
 * </ul>
 *
 * Each returns a {@link ResultLine} with bytes, nanos and the CPU time of Chromium (browser and all
 * its child processes) and, for Squall ↔ Chromium, of this JVM during the transfer.
 */
final class ChromiumDataChannel {

  private static final String IN_PAGE =
      """
      const [total, size, low, high, done] = arguments;
      (async () => {
        const a = new RTCPeerConnection(), b = new RTCPeerConnection();
        a.onicecandidate = e => e.candidate && b.addIceCandidate(e.candidate);
        b.onicecandidate = e => e.candidate && a.addIceCandidate(e.candidate);
        const dc = a.createDataChannel('bench');
        let received = 0, t0 = 0;
        b.ondatachannel = e => {
          const r = e.channel; window.keep = r; r.binaryType = 'arraybuffer';
          r.onmessage = m => {
            received += m.data.byteLength;
            if (received >= total) done({bytes: received, ms: performance.now() - t0});
          };
        };
        const offer = await a.createOffer(); await a.setLocalDescription(offer);
        await b.setRemoteDescription(offer);
        const answer = await b.createAnswer(); await b.setLocalDescription(answer);
        await a.setRemoteDescription(answer);
        const payload = new ArrayBuffer(size), count = Math.ceil(total / size);
        let sent = 0;
        const pump = () => { while (sent < count && dc.bufferedAmount < high) { dc.send(payload); sent++; } };
        dc.bufferedAmountLowThreshold = low; dc.onbufferedamountlow = pump;
        dc.onopen = () => { t0 = performance.now(); pump(); };
      })().catch(e => done({error: String(e)}));
      """;

  private static final String ANSWER =
      """
      const [offer, total, done] = arguments;
      (async () => {
        const pc = new RTCPeerConnection(); window.pc = pc;
        pc.ondatachannel = e => {
          const r = e.channel; window.keep = r; r.binaryType = 'arraybuffer';
          let received = 0;
          r.onmessage = m => { received += m.data.byteLength; if (received >= total) r.send('done'); };
        };
        await pc.setRemoteDescription({type: 'offer', sdp: offer});
        await pc.setLocalDescription(await pc.createAnswer());
        await new Promise(resolve => {
          if (pc.iceGatheringState === 'complete') return resolve();
          pc.onicegatheringstatechange = () => pc.iceGatheringState === 'complete' && resolve();
          setTimeout(resolve, 5000);
        });
        done(pc.localDescription.sdp);
      })().catch(e => done('ERROR ' + e));
      """;

  private ChromiumDataChannel() {}

  static ResultLine chromiumToChromium(
      ChromiumBrowser browser, long bytes, int size, long low, long high) {
    browser.driver().get("about:blank");
    long cpuBefore = browser.cpuNanos();
    Object out = browser.driver().executeAsyncScript(IN_PAGE, bytes, size, low, high);
    long cpu = browser.cpuNanos() - cpuBefore;
    if (!(out instanceof Map<?, ?> map) || map.containsKey("error")) {
      throw new IllegalStateException("in-page transfer failed: " + out);
    }
    long received = ((Number) map.get("bytes")).longValue();
    long nanos = (long) (((Number) map.get("ms")).doubleValue() * 1e6);
    return new ResultLine(
        Map.of(
            "bytes", Long.toString(received),
            "nanos", Long.toString(nanos),
            "chromium_cpu_nanos", Long.toString(cpu)));
  }

  static ResultLine squallToChromium(
      ChromiumBrowser browser, long bytes, int size, long low, long high, long timeoutSeconds)
      throws Exception {
    browser.driver().get("about:blank");
    long pid = ProcessHandle.current().pid();
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    try {
      PeerConfiguration config =
          PeerConfiguration.defaults().withCertificate(DtlsCertificate.generate());
      PeerConnection pc =
          UdpPeerConnections.create(group.next(), config, List.of(InetAddress.getLoopbackAddress()))
              .get(10, TimeUnit.SECONDS);
      try {
        DataChannel channel = pc.createDataChannel("bench");
        long count = Sizes.messagesFor(bytes, size);
        BulkSender sender = new BulkSender(channel, new byte[size], count, low, high);
        long[] start = new long[3]; // first send, our cpu, chromium cpu
        CompletableFuture<ResultLine> done = new CompletableFuture<>();
        channel.onMessage(
            m -> {
              if (m.text() && m.asText().equals("done")) {
                long end = System.nanoTime();
                done.complete(
                    new ResultLine(
                        Map.of(
                            "bytes", Long.toString(count * size),
                            "nanos", Long.toString(end - start[0]),
                            "squall_cpu_nanos", Long.toString(ProcStats.cpuNanos(pid) - start[1]),
                            "chromium_cpu_nanos", Long.toString(browser.cpuNanos() - start[2]))));
              }
            });
        channel.onOpen(
            () -> {
              start[2] = browser.cpuNanos();
              start[1] = ProcStats.cpuNanos(pid);
              start[0] = System.nanoTime();
              sender.start();
            });
        String offer = CompleteDescriptions.setLocalAndGather(pc, pc.createOffer().get()).get();
        Object answer = browser.driver().executeAsyncScript(ANSWER, offer, count * size);
        if (!(answer instanceof String sdp) || sdp.startsWith("ERROR")) {
          throw new IllegalStateException("Chromium did not answer: " + answer);
        }
        pc.setRemoteDescription(Description.answer(sdp)).get(10, TimeUnit.SECONDS);
        pc.connected().get(30, TimeUnit.SECONDS);
        return done.get(timeoutSeconds, TimeUnit.SECONDS);
      } finally {
        pc.close();
      }
    } finally {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS);
    }
  }
}
