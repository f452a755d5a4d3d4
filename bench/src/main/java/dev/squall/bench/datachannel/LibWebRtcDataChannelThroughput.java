package dev.squall.bench.datachannel;

import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.PeerConnectionObserver;
import dev.onvoid.webrtc.RTCConfiguration;
import dev.onvoid.webrtc.RTCDataChannel;
import dev.onvoid.webrtc.RTCDataChannelBuffer;
import dev.onvoid.webrtc.RTCDataChannelInit;
import dev.onvoid.webrtc.RTCDataChannelObserver;
import dev.onvoid.webrtc.RTCDataChannelState;
import dev.onvoid.webrtc.RTCIceCandidate;
import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.media.audio.HeadlessAudioDeviceModule;
import dev.squall.bench.LibWebRtcNegotiation;
import dev.squall.bench.ProcStats;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The libwebrtc ↔ libwebrtc anchor of the DataChannel throughput benchmark: two webrtc-java {@link
 * RTCPeerConnection}s in this one JVM, one reliable ordered channel, {@code --count} messages of
 * {@code --size} bytes. The sender keeps the buffered amount between {@code --low} and {@code
 * --high} (libwebrtc's API has no low-threshold event: {@code onBufferedAmountChange} triggers a
 * refill once the amount is at or below the low mark); the receiver counts bytes. Time runs from
 * the first send to the last byte received. libwebrtc never gathers loopback addresses: run inside
 * the network namespace with a veth that {@code DataChannelBench} sets up (as {@code bench/run.sh
 * connect} does). Prints one {@link ResultLine}; bounded by {@code --timeout-s}.
 */
public final class LibWebRtcDataChannelThroughput {

  private LibWebRtcDataChannelThroughput() {}

  public static void main(String[] args) throws Exception {
    Flags flags = new Flags(args, List.of("size", "count", "low", "high", "timeout-s"));
    int size = (int) flags.size("size", 65536);
    long count = flags.size("count", 16384);
    long low = flags.size("low", 1 << 20);
    long high = flags.size("high", 4 << 20);
    long timeoutSeconds = flags.integer("timeout-s", 600);
    long total = size * count;
    long pid = ProcessHandle.current().pid();
    HeadlessAudioDeviceModule audio = new HeadlessAudioDeviceModule();
    PeerConnectionFactory factory = new PeerConnectionFactory(audio);
    ScheduledExecutorService exec = Executors.newSingleThreadScheduledExecutor();
    Side alice = new Side(factory, exec);
    Side bob = new Side(factory, exec);
    CompletableFuture<String> result = new CompletableFuture<>();
    long[] start = new long[2]; // first send, cpu at first send
    List<RTCDataChannel> received = new ArrayList<>(); // keep the remote channel referenced
    bob.channels =
        ch -> {
          received.add(ch);
          long[] bytes = {0, 0};
          ch.registerObserver(
              new ChannelObserver() {
                @Override
                public void onMessage(RTCDataChannelBuffer buffer) {
                  bytes[0] += buffer.data.remaining();
                  bytes[1]++;
                  if (bytes[0] >= total && !result.isDone()) {
                    long now = System.nanoTime();
                    result.complete(
                        ResultLine.format(
                            "bytes",
                            bytes[0],
                            "messages",
                            bytes[1],
                            "nanos",
                            now - start[0],
                            "cpu_nanos",
                            ProcStats.cpuNanos(pid) - start[1]));
                  }
                }
              });
        };
    RTCDataChannel channel = alice.pc.createDataChannel("bench", new RTCDataChannelInit());
    ByteBuffer payload = ByteBuffer.allocateDirect(size);
    long[] sent = {0};
    Runnable pump =
        () -> {
          try {
            while (sent[0] < count && channel.getBufferedAmount() < high) {
              channel.send(new RTCDataChannelBuffer(payload.duplicate(), true));
              sent[0]++;
            }
          } catch (Exception e) {
            result.completeExceptionally(e);
          }
        };
    channel.registerObserver(
        new ChannelObserver() {
          @Override
          public void onStateChange() {
            if (channel.getState() == RTCDataChannelState.OPEN) {
              exec.execute(
                  () -> {
                    start[1] = ProcStats.cpuNanos(pid);
                    start[0] = System.nanoTime();
                    pump.run();
                    exec.scheduleAtFixedRate(
                        () -> {
                          if (channel.getBufferedAmount() <= low) {
                            pump.run();
                          }
                        },
                        1,
                        1,
                        TimeUnit.MILLISECONDS);
                  });
            }
          }
        });
    try {
      connect(alice, bob, exec).get(30, TimeUnit.SECONDS);
      System.out.println(result.get(timeoutSeconds, TimeUnit.SECONDS));
    } finally {
      channel.unregisterObserver();
      channel.close();
      alice.pc.close();
      bob.pc.close();
      exec.shutdownNow();
      factory.dispose();
      audio.dispose();
    }
    System.out.flush();
    Runtime.getRuntime().halt(0);
  }

  /** Offer/answer, then the trickled candidates, all on {@code exec}. */
  private static CompletableFuture<Void> connect(
      Side offerer, Side answerer, ExecutorService exec) {
    CompletableFuture<Void> answered = new CompletableFuture<>();
    offerer.candidates = c -> answered.thenRunAsync(() -> answerer.pc.addIceCandidate(c), exec);
    answerer.candidates = c -> answered.thenRunAsync(() -> offerer.pc.addIceCandidate(c), exec);
    LibWebRtcNegotiation.offerAnswer(offerer.pc, answerer.pc, exec)
        .whenComplete(
            (v, e) -> {
              if (e != null) {
                answered.completeExceptionally(e);
              } else {
                answered.complete(null);
              }
            });
    return answered;
  }

  private static final class Side implements PeerConnectionObserver {
    final RTCPeerConnection pc;
    private final ExecutorService exec;
    volatile Consumer<RTCIceCandidate> candidates = c -> {};
    volatile Consumer<RTCDataChannel> channels = c -> {};

    Side(PeerConnectionFactory factory, ExecutorService exec) {
      this.exec = exec;
      this.pc = factory.createPeerConnection(new RTCConfiguration(), this);
    }

    @Override
    public void onIceCandidate(RTCIceCandidate candidate) {
      Consumer<RTCIceCandidate> sink = candidates;
      exec.execute(() -> sink.accept(candidate));
    }

    @Override
    public void onDataChannel(RTCDataChannel channel) {
      channels.accept(channel);
    }
  }

  private abstract static class ChannelObserver implements RTCDataChannelObserver {
    @Override
    public void onBufferedAmountChange(long previousAmount) {}

    @Override
    public void onStateChange() {}

    @Override
    public void onMessage(RTCDataChannelBuffer buffer) {}
  }
}
