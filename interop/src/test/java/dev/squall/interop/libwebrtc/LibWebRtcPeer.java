package dev.squall.interop.libwebrtc;

import dev.onvoid.webrtc.CreateSessionDescriptionObserver;
import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.PeerConnectionObserver;
import dev.onvoid.webrtc.RTCAnswerOptions;
import dev.onvoid.webrtc.RTCConfiguration;
import dev.onvoid.webrtc.RTCDataChannel;
import dev.onvoid.webrtc.RTCDataChannelBuffer;
import dev.onvoid.webrtc.RTCDataChannelInit;
import dev.onvoid.webrtc.RTCDataChannelObserver;
import dev.onvoid.webrtc.RTCDataChannelState;
import dev.onvoid.webrtc.RTCIceCandidate;
import dev.onvoid.webrtc.RTCOfferOptions;
import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.RTCPeerConnectionState;
import dev.onvoid.webrtc.RTCSdpType;
import dev.onvoid.webrtc.RTCSessionDescription;
import dev.onvoid.webrtc.SetSessionDescriptionObserver;
import dev.squall.interop.ForeignEvent;
import dev.squall.interop.ForeignEvents;
import dev.squall.interop.ForeignPeer;
import dev.squall.signal.client.SignalingClient;
import dev.squall.signal.client.SignalingListener;
import dev.squall.signal.message.IceCandidate;
import dev.squall.signal.message.Joined;
import dev.squall.signal.message.Relayed;
import dev.squall.signal.message.RelayedAnswer;
import dev.squall.signal.message.RelayedCandidate;
import dev.squall.signal.message.RelayedOffer;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * libwebrtc (webrtc-java) as a {@link ForeignPeer} in this JVM, signaling through the Squall server
 * with the Java {@link SignalingClient}: the newcomer offers, an earlier member answers. As offerer
 * it opens a channel named {@code bootstrap} first, since libwebrtc offers a data section only once
 * a channel exists.
 *
 * <p>Threads: libwebrtc calls its observers on its own threads; every libwebrtc call of ours, and
 * every signaling step, runs on one executor, so a step never blocks a libwebrtc thread. libwebrtc
 * has no {@code bufferedamountlow} event, and in webrtc-java 0.14.0 {@code onBufferedAmountChange}
 * does not fire while a bulk send drains (seen: the amount back at 0, the callback called 0 times,
 * the sender waiting for ever with the Java receiver's window wide open). So {@link #bulk} refills
 * when the buffered amount, read every {@value #DRAIN_CHECK_MICROS} µs while it waits (or reported
 * by the callback, should it fire), is at or below the low threshold: what the browser's event
 * means.
 */
public final class LibWebRtcPeer implements ForeignPeer, PeerConnectionObserver {

  /** Every libwebrtc call and signaling step of ours; also the bulk sender's drain checks. */
  private final ScheduledExecutorService exec =
      Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "libwebrtc-peer"));

  /** How often a bulk sender stopped at the high-water mark looks at the buffered amount. */
  private static final long DRAIN_CHECK_MICROS = 2_000;

  private final ForeignEvents events = new ForeignEvents();
  private final Map<String, Channel> channels = new ConcurrentHashMap<>();
  private final SignalingClient client;
  private final RTCPeerConnection pc;
  private volatile String remote;

  private LibWebRtcPeer(PeerConnectionFactory factory, SignalingClient client) {
    this.client = client;
    this.pc = factory.createPeerConnection(new RTCConfiguration(), this);
  }

  /** Connects to {@code ws}, joins {@code room} and starts negotiating (offering if not first). */
  public static LibWebRtcPeer join(PeerConnectionFactory factory, URI ws, String room)
      throws Exception {
    SignalingClient client = SignalingClient.connect(ws).get(10, TimeUnit.SECONDS);
    LibWebRtcPeer peer = new LibWebRtcPeer(factory, client);
    client.addListener(peer.new Signals());
    Joined joined = client.join(room, "libwebrtc", null).get(10, TimeUnit.SECONDS);
    boolean offering = !joined.peers().isEmpty();
    peer.events.add(
        new ForeignEvent("joined", null, Map.of("id", joined.id(), "offering", offering)));
    if (offering) {
      peer.remote = joined.peers().get(0).id();
      peer.exec.execute(peer::offer);
    }
    return peer;
  }

  @Override
  public String name() {
    return "libwebrtc";
  }

  @Override
  public ForeignEvents events() {
    return events;
  }

  @Override
  public void open(String label, boolean ordered, Integer maxRetransmits) {
    exec.execute(() -> create(label, ordered, maxRetransmits));
  }

  @Override
  public void sendText(String label, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    exec.execute(() -> channels.get(label).send(bytes, false));
  }

  @Override
  public void sendBinary(String label, byte[] data) {
    byte[] copy = data.clone();
    exec.execute(() -> channels.get(label).send(copy, true));
  }

  @Override
  public void burst(String label, int count) {
    exec.execute(
        () ->
            channels
                .get(label)
                .whenOpen(
                    ch -> {
                      for (int i = 0; i < count; i++) {
                        ch.send(("m-" + i).getBytes(StandardCharsets.UTF_8), false);
                      }
                    }));
  }

  @Override
  public void bulk(String label, long bytes, int chunk, long high, long low) {
    exec.execute(
        () -> {
          Channel ch =
              channels.containsKey(label) ? channels.get(label) : create(label, true, null);
          ch.whenOpen(c -> new BulkSender(c, bytes, chunk, high, low).start());
        });
  }

  @Override
  public String diagnostics() {
    StringBuilder out = new StringBuilder();
    channels.forEach(
        (label, ch) -> {
          BulkSender b = ch.bulk;
          out.append(label)
              .append(": bufferedAmount ")
              .append(ch.dc.getBufferedAmount())
              .append(", amount-change callbacks ")
              .append(ch.amountChanges.get())
              .append(" (last size ")
              .append(ch.lastSentSize)
              .append(", amount read then ")
              .append(ch.lastAmount)
              .append(")");
          if (b != null) {
            out.append(", bulk sent ")
                .append(b.sent)
                .append(" in ")
                .append(b.messages)
                .append(" messages, waiting ")
                .append(b.waiting.get())
                .append(", refills ")
                .append(b.lowEvents);
          }
          out.append("; ");
        });
    return out.toString();
  }

  @Override
  public void close(String label) {
    exec.execute(() -> channels.get(label).dc.close());
  }

  /** Closes the channels and the connection, then the signaling client. */
  @Override
  public void close() {
    CompletableFuture<Void> done =
        CompletableFuture.runAsync(
            () -> {
              for (Channel ch : channels.values()) {
                ch.dc.unregisterObserver();
                ch.dc.close();
                ch.dc.dispose();
              }
              pc.close();
            },
            exec);
    try {
      done.get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      System.err.println("libwebrtc peer did not close cleanly: " + e);
    } finally {
      exec.shutdownNow();
      client.close();
    }
  }

  // ---- signaling, on exec

  private void offer() {
    try {
      create("bootstrap", true, null);
      RTCSessionDescription offer = sdp(f -> pc.createOffer(new RTCOfferOptions(), f));
      client.offer(remote, offer.sdp);
      set(f -> pc.setLocalDescription(offer, f));
    } catch (Exception e) {
      failed("offer", e);
    }
  }

  private void answer(String sdp) {
    try {
      RTCSessionDescription offer = new RTCSessionDescription(RTCSdpType.OFFER, sdp);
      set(f -> pc.setRemoteDescription(offer, f));
      RTCSessionDescription answer = sdp(f -> pc.createAnswer(new RTCAnswerOptions(), f));
      client.answer(remote, answer.sdp);
      set(f -> pc.setLocalDescription(answer, f));
    } catch (Exception e) {
      failed("answer", e);
    }
  }

  private void answered(String sdp) {
    try {
      RTCSessionDescription answer = new RTCSessionDescription(RTCSdpType.ANSWER, sdp);
      set(f -> pc.setRemoteDescription(answer, f));
    } catch (Exception e) {
      failed("setRemoteDescription(answer)", e);
    }
  }

  private void failed(String step, Exception e) {
    events.add(new ForeignEvent("error", null, Map.of("message", step + ": " + e)));
  }

  private static RTCSessionDescription sdp(
      java.util.function.Consumer<CreateSessionDescriptionObserver> call) throws Exception {
    CompletableFuture<RTCSessionDescription> f = new CompletableFuture<>();
    call.accept(
        new CreateSessionDescriptionObserver() {
          @Override
          public void onSuccess(RTCSessionDescription description) {
            f.complete(description);
          }

          @Override
          public void onFailure(String error) {
            f.completeExceptionally(new IllegalStateException(error));
          }
        });
    return f.get(10, TimeUnit.SECONDS);
  }

  private static void set(java.util.function.Consumer<SetSessionDescriptionObserver> call)
      throws Exception {
    CompletableFuture<Void> f = new CompletableFuture<>();
    call.accept(
        new SetSessionDescriptionObserver() {
          @Override
          public void onSuccess() {
            f.complete(null);
          }

          @Override
          public void onFailure(String error) {
            f.completeExceptionally(new IllegalStateException(error));
          }
        });
    f.get(10, TimeUnit.SECONDS);
  }

  /** The Squall server's relays, on the client's I/O thread: handed to exec. */
  private final class Signals implements SignalingListener {
    @Override
    public void onRelayed(Relayed message) {
      if (message instanceof RelayedOffer o) {
        if (remote == null) {
          remote = o.from();
        }
        if (remote.equals(o.from())) {
          exec.execute(() -> answer(o.sdp()));
        }
      } else if (message instanceof RelayedAnswer a && a.from().equals(remote)) {
        exec.execute(() -> answered(a.sdp()));
      } else if (message instanceof RelayedCandidate c
          && c.from().equals(remote)
          && c.candidate() != null
          && !c.candidate().candidate().isEmpty()) {
        IceCandidate ic = c.candidate();
        RTCIceCandidate candidate =
            new RTCIceCandidate(
                ic.sdpMid(), ic.sdpMLineIndex() == null ? 0 : ic.sdpMLineIndex(), ic.candidate());
        exec.execute(() -> pc.addIceCandidate(candidate));
      }
    }
  }

  // ---- PeerConnectionObserver, on libwebrtc's threads

  @Override
  public void onIceCandidate(RTCIceCandidate c) {
    IceCandidate candidate = new IceCandidate(c.sdp, c.sdpMid, c.sdpMLineIndex, null);
    exec.execute(() -> client.candidate(remote, candidate));
  }

  @Override
  public void onConnectionChange(RTCPeerConnectionState state) {
    events.add(new ForeignEvent("state", null, Map.of("state", state.name().toLowerCase())));
  }

  @Override
  public void onDataChannel(RTCDataChannel dc) {
    String label = dc.getLabel();
    Map<String, Object> fields =
        Map.of(
            "id", dc.getId(),
            "protocol", String.valueOf(dc.getProtocol()),
            "ordered", dc.isOrdered(),
            "maxRetransmits", dc.getMaxRetransmits());
    events.add(new ForeignEvent("channel", label, fields));
    Channel ch = new Channel(label, dc);
    channels.put(label, ch);
    ch.stateChanged();
  }

  // ---- channels

  private Channel create(String label, boolean ordered, Integer maxRetransmits) {
    RTCDataChannelInit init = new RTCDataChannelInit();
    init.ordered = ordered;
    if (maxRetransmits != null) {
      init.maxRetransmits = maxRetransmits;
    }
    Channel ch = new Channel(label, pc.createDataChannel(label, init));
    channels.put(label, ch);
    ch.stateChanged(); // it may have opened before the observer was registered
    return ch;
  }

  /** One libwebrtc channel and what it reports (the observer runs on libwebrtc's threads). */
  private final class Channel implements RTCDataChannelObserver {
    final String label;
    final RTCDataChannel dc;
    final MessageDigest sink;
    long sinkBytes;
    long sinkMessages;
    private final CompletableFuture<Channel> opened = new CompletableFuture<>();
    private final java.util.concurrent.atomic.AtomicBoolean closedReported =
        new java.util.concurrent.atomic.AtomicBoolean();
    private volatile BulkSender bulk;
    final java.util.concurrent.atomic.AtomicLong amountChanges =
        new java.util.concurrent.atomic.AtomicLong();
    volatile long lastSentSize;
    volatile long lastAmount;

    Channel(String label, RTCDataChannel dc) {
      this.label = label;
      this.dc = dc;
      try {
        this.sink = label.startsWith("sink-") ? MessageDigest.getInstance("SHA-256") : null;
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
      dc.registerObserver(this);
    }

    /** Runs {@code action} on exec once the channel is open. */
    void whenOpen(java.util.function.Consumer<Channel> action) {
      opened.thenAcceptAsync(action, exec);
    }

    void send(byte[] data, boolean binary) {
      try {
        dc.send(new RTCDataChannelBuffer(ByteBuffer.wrap(data), binary));
      } catch (Exception e) {
        events.add(new ForeignEvent("error", label, Map.of("message", "send: " + e)));
      }
    }

    void stateChanged() {
      RTCDataChannelState state = dc.getState();
      if (state == RTCDataChannelState.OPEN && opened.complete(this)) {
        events.add(new ForeignEvent("open", label, Map.of()));
      } else if (state == RTCDataChannelState.CLOSED && closedReported.compareAndSet(false, true)) {
        events.add(new ForeignEvent("closed", label, Map.of()));
      }
    }

    @Override
    public void onStateChange() {
      stateChanged();
    }

    /** libwebrtc passes the size just sent, not the previous amount: read the amount itself. */
    @Override
    public void onBufferedAmountChange(long sentDataSize) {
      amountChanges.incrementAndGet();
      lastSentSize = sentDataSize;
      BulkSender b = bulk;
      if (b != null) {
        long amount = dc.getBufferedAmount();
        lastAmount = amount;
        b.amountChanged(amount);
      }
    }

    @Override
    public void onMessage(RTCDataChannelBuffer buffer) {
      ByteBuffer data = buffer.data;
      byte[] bytes = new byte[data.remaining()];
      data.get(bytes);
      if (!buffer.binary) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (sink != null && text.equals("end")) {
          events.add(
              new ForeignEvent(
                  "sink",
                  label,
                  Map.of(
                      "bytes",
                      sinkBytes,
                      "messages",
                      sinkMessages,
                      "hex",
                      HexFormat.of().formatHex(sink.digest()))));
        } else {
          events.add(new ForeignEvent("text", label, Map.of("text", text)));
        }
      } else if (sink != null) {
        sink.update(bytes);
        sinkBytes += bytes.length;
        sinkMessages++;
      } else {
        events.add(
            new ForeignEvent("binary", label, Map.of("hex", HexFormat.of().formatHex(bytes))));
      }
    }
  }

  /** Random binary messages paced by the buffered amount, then {@code end}; pumps on exec. */
  private final class BulkSender {
    private final Channel ch;
    private final long bytes;
    private final int chunk;
    private final long high;
    private final long low;
    private final MessageDigest hash;
    private final java.util.SplittableRandom random = new java.util.SplittableRandom(7);
    private volatile long sent;
    private volatile long messages;
    private final java.util.concurrent.atomic.AtomicBoolean waiting =
        new java.util.concurrent.atomic.AtomicBoolean();
    private volatile long lowEvents;
    private boolean done;

    BulkSender(Channel ch, long bytes, int chunk, long high, long low) {
      this.ch = ch;
      this.bytes = bytes;
      this.chunk = chunk;
      this.high = high;
      this.low = low;
      try {
        this.hash = MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }

    void start() {
      ch.bulk = this;
      pump();
    }

    /**
     * libwebrtc's thread: once the pump has stopped at the high-water mark, the amount falling to
     * or below the threshold is the browser's bufferedamountlow.
     */
    void amountChanged(long current) {
      if (current <= low && waiting.compareAndSet(true, false)) {
        lowEvents++;
        exec.execute(this::pump);
      }
    }

    /** exec: while waiting, reads the amount until it has drained to the threshold. */
    private void checkDrained() {
      if (!waiting.get()) {
        return;
      }
      amountChanged(ch.dc.getBufferedAmount());
      if (waiting.get()) {
        exec.schedule(this::checkDrained, DRAIN_CHECK_MICROS, TimeUnit.MICROSECONDS);
      }
    }

    private void pump() {
      while (sent < bytes && ch.dc.getBufferedAmount() < high) {
        byte[] data = new byte[(int) Math.min(chunk, bytes - sent)];
        random.nextBytes(data);
        hash.update(data);
        ch.send(data, true);
        sent += data.length;
        messages++;
      }
      if (sent < bytes) {
        waiting.set(true);
        checkDrained(); // it may have drained meanwhile
      } else if (!done) {
        done = true;
        ch.send("end".getBytes(StandardCharsets.UTF_8), false);
        events.add(
            new ForeignEvent(
                "sent",
                ch.label,
                Map.of(
                    "bytes", sent,
                    "messages", messages,
                    "hex", HexFormat.of().formatHex(hash.digest()),
                    "lowEvents", lowEvents)));
      }
    }
  }
}
