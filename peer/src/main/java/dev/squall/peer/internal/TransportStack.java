package dev.squall.peer.internal;

import dev.squall.datachannel.DataChannelManager;
import dev.squall.dtls.DtlsCertificate;
import dev.squall.dtls.DtlsCloseReason;
import dev.squall.dtls.DtlsConfig;
import dev.squall.dtls.DtlsException;
import dev.squall.dtls.DtlsListener;
import dev.squall.dtls.DtlsRole;
import dev.squall.dtls.DtlsState;
import dev.squall.dtls.DtlsTransport;
import dev.squall.dtls.Fingerprint;
import dev.squall.ice.CandidateParseException;
import dev.squall.ice.IceAgent;
import dev.squall.ice.IceCandidate;
import dev.squall.ice.IceCandidatePair;
import dev.squall.ice.IceCandidatePairStats;
import dev.squall.ice.IceConfig;
import dev.squall.ice.IceConnectionState;
import dev.squall.ice.IceCredentials;
import dev.squall.ice.IceRole;
import dev.squall.net.ConnectedTransport;
import dev.squall.net.DatagramTransport;
import dev.squall.sctp.SctpConfig;
import dev.squall.util.Scheduler;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transport half of a peer connection: one ICE agent, and DTLS over its selected pair once the
 * remote fingerprint and the DTLS role are known. Datagrams from the agent are demultiplexed by
 * their first byte (RFC 7983 §7): 20–63 is DTLS; RTP/RTCP (128–191) and the rest are dropped and
 * counted until media exists. DTLS datagrams that arrive before DTLS starts (the peer's ClientHello
 * can beat our own pair selection) wait in a small bounded queue.
 *
 * <p>With a {@link DataChannelManager}, DTLS application data is SCTP (RFC 8261): the association
 * starts when DTLS is connected, from our port 5000 to the remote {@code a=sctp-port}, its packets
 * sized to fit one DTLS record, and sends limited to the remote {@code a=max-message-size}. Without
 * one (raw mode) application datagrams go to {@link Events#datagram}.
 *
 * <p>Sans-locks: every method runs on the scheduler, and so does every {@link Events} call.
 */
public final class TransportStack implements AutoCloseable {

  /** What the stack reports to the connection; every call runs on the scheduler. */
  public interface Events {
    void localCandidate(IceCandidate candidate);

    void gatheringComplete();

    void iceState(IceConnectionState state);

    /** DTLS changed state; {@code error} explains a failure, else null. */
    void dtlsState(DtlsState state, DtlsException error);

    void datagram(byte[] data);
  }

  private static final Logger LOG = LoggerFactory.getLogger(TransportStack.class);
  private static final int EARLY_LIMIT = 64;

  /** Our {@code a=sctp-port}, as the description builders write it. */
  public static final int LOCAL_SCTP_PORT = 5000;

  private static final int MAX_STREAMS = 65535;

  private final Scheduler scheduler;
  private final DtlsConfig dtlsConfig;
  private final DtlsCertificate certificate;
  private final List<DatagramTransport> transports;
  private final IceAgent agent;
  private final IcePathTransport path;
  private final Events events;
  private final ArrayDeque<byte[]> early = new ArrayDeque<>();
  private final DataChannelManager channels;
  private int remoteSctpPort = 5000;
  private long remoteMaxMessageSize = 65536;
  private Fingerprint remoteFingerprint;
  private DtlsRole dtlsRole;
  private DtlsTransport dtls;
  private boolean gathering;
  private boolean closed;
  private long demuxDrops;
  private long packetsReceived;
  private long bytesReceived;

  public TransportStack(
      Scheduler scheduler,
      IceConfig iceConfig,
      DtlsConfig dtlsConfig,
      DtlsCertificate certificate,
      List<DatagramTransport> transports,
      IceRole role,
      DataChannelManager channels,
      Events events) {
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.dtlsConfig = Objects.requireNonNull(dtlsConfig, "dtlsConfig");
    this.certificate = Objects.requireNonNull(certificate, "certificate");
    this.transports = List.copyOf(transports);
    this.events = Objects.requireNonNull(events, "events");
    this.channels = channels;
    this.agent = new IceAgent(scheduler, iceConfig, role, this.transports);
    this.path = new IcePathTransport(agent, scheduler);
    agent.onLocalCandidate(events::localCandidate);
    agent.onGatheringComplete(events::gatheringComplete);
    agent.onStateChange(events::iceState);
    agent.onSelectedPair(p -> startDtlsIfReady());
    agent.onData(this::demux);
  }

  public IceCredentials localCredentials() {
    return agent.localCredentials();
  }

  public IceRole iceRole() {
    return agent.role();
  }

  /** Starts gathering, once. */
  public void startGathering() {
    if (!gathering && !closed) {
      gathering = true;
      agent.startGathering();
    }
  }

  /** The peer's ICE credentials: checks start once there are pairs. */
  public void setRemoteCredentials(IceCredentials credentials) {
    agent.setRemoteCredentials(credentials);
  }

  /**
   * The fingerprint the peer's certificate must match, and our DTLS role: DTLS starts as soon as a
   * pair is selected (at once when one already is).
   */
  public void startDtls(Fingerprint fingerprint, DtlsRole role) {
    this.remoteFingerprint = Objects.requireNonNull(fingerprint, "fingerprint");
    this.dtlsRole = Objects.requireNonNull(role, "role");
    startDtlsIfReady();
  }

  /**
   * The remote {@code a=sctp-port} and {@code a=max-message-size} (0: no limit); call before DTLS
   * connects.
   */
  public void setRemoteSctp(int port, long maxMessageSize) {
    this.remoteSctpPort = port;
    this.remoteMaxMessageSize = maxMessageSize;
  }

  /**
   * Adds a remote candidate line. Unparseable lines, TCP candidates and unresolvable {@code .local}
   * names are ignored (logged at debug level): browsers send all of them.
   *
   * @return true when the agent took the candidate
   */
  public boolean addRemoteCandidate(String line) {
    try {
      boolean taken = agent.addRemoteCandidate(line);
      if (!taken) {
        LOG.debug("remote candidate ignored (tcp, other component or unresolvable): {}", line);
      }
      return taken;
    } catch (CandidateParseException e) {
      LOG.debug("remote candidate not understood, ignored: {} ({})", line, e.getMessage());
      return false;
    }
  }

  public void endOfRemoteCandidates() {
    agent.endOfRemoteCandidates();
  }

  public IceConnectionState iceState() {
    return agent.state();
  }

  /** The DTLS state; {@link DtlsState#NEW} before DTLS starts. */
  public DtlsState dtlsState() {
    return dtls == null ? DtlsState.NEW : dtls.state();
  }

  public String iceFailureReason() {
    return agent.failureReason();
  }

  public Optional<IceCandidatePair> selectedPair() {
    return agent.selectedPair();
  }

  public Optional<DtlsTransport> dtls() {
    return Optional.ofNullable(dtls);
  }

  /** The selected pair's state, round-trip times and STUN counters. */
  public Optional<IceCandidatePairStats> selectedPairStats() {
    return agent.selectedPairStats();
  }

  /** Application datagrams (not STUN) sent through ICE. */
  public long packetsSent() {
    return path.packetsSent();
  }

  public long bytesSent() {
    return path.bytesSent();
  }

  /** Application datagrams (not STUN) received from valid pairs. */
  public long packetsReceived() {
    return packetsReceived;
  }

  public long bytesReceived() {
    return bytesReceived;
  }

  /** Datagrams from the agent that were neither DTLS nor kept for it. */
  public long demuxDrops() {
    return demuxDrops;
  }

  /**
   * Sends one application datagram over DTLS.
   *
   * @throws IllegalStateException when DTLS is not connected
   * @throws DtlsException when the payload is too large or the record layer fails
   */
  public void send(byte[] data) {
    if (dtls == null || dtls.state() != DtlsState.CONNECTED) {
      throw new IllegalStateException("DTLS is not connected (" + dtlsState() + ")");
    }
    dtls.send(data);
  }

  /** Closes DTLS (close_notify when connected), the agent and the transports. Idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (dtls != null) {
      dtls.close();
    }
    early.clear();
    path.close();
    agent.close();
    for (DatagramTransport t : transports) {
      t.close();
    }
  }

  private void demux(byte[] datagram) {
    packetsReceived++;
    bytesReceived += datagram.length;
    int first = datagram.length == 0 ? -1 : datagram[0] & 0xFF;
    if (first < 20 || first > 63) {
      demuxDrops++;
      return;
    }
    if (dtls != null) {
      dtls.receive(datagram);
    } else if (early.size() < EARLY_LIMIT) {
      early.add(datagram);
    } else {
      demuxDrops++;
    }
  }

  private void startDtlsIfReady() {
    if (closed || dtls != null || dtlsRole == null) {
      return;
    }
    Optional<IceCandidatePair> pair = agent.selectedPair();
    if (pair.isEmpty()) {
      return;
    }
    ConnectedTransport view = new ConnectedTransport(path, pair.get().remoteAddress());
    dtls = DtlsTransport.create(view, dtlsRole, certificate, remoteFingerprint, dtlsConfig);
    dtls.listener(
        new DtlsListener() {
          @Override
          public void onData(byte[] data) {
            if (channels != null) {
              channels.handlePacket(data);
            } else {
              events.datagram(data);
            }
          }

          @Override
          public void onData(byte[] buffer, int offset, int length) {
            if (channels != null) {
              // SCTP parses the record at once: no copy of it
              channels.handlePacket(buffer, offset, length);
            } else {
              events.datagram(Arrays.copyOfRange(buffer, offset, offset + length));
            }
          }

          @Override
          public void onClose(DtlsCloseReason reason, DtlsException error) {
            events.dtlsState(dtls.state(), error);
          }
        });
    LOG.debug("DTLS {} starts over {}", dtlsRole, pair.get());
    dtls.start()
        .whenComplete(
            (result, error) -> {
              if (error == null) {
                startSctp();
                events.dtlsState(DtlsState.CONNECTED, null);
              }
            });
    events.dtlsState(DtlsState.CONNECTING, null);
    while (!early.isEmpty()) {
      dtls.receive(early.poll());
    }
  }

  private void startSctp() {
    if (channels == null || closed) {
      return;
    }
    int mtu = Math.max(300, Math.min(1200, dtls.maxApplicationData()));
    SctpConfig config =
        SctpConfig.builder()
            .ports(LOCAL_SCTP_PORT, remoteSctpPort)
            .mtu(mtu)
            .rtoMin(Duration.ofMillis(200))
            .streams(MAX_STREAMS, MAX_STREAMS)
            .build();
    LOG.debug("SCTP starts: port {} to {}, mtu {}", LOCAL_SCTP_PORT, remoteSctpPort, mtu);
    channels.start(
        config,
        dtlsRole == DtlsRole.CLIENT,
        remoteMaxMessageSize,
        new SecureRandom(),
        this::sendSctp);
  }

  /** One SCTP packet, encrypted into a DTLS record during the call (no copy of its own). */
  private void sendSctp(byte[] packet, int offset, int length) {
    if (closed || dtls == null || dtls.state() != DtlsState.CONNECTED) {
      return;
    }
    try {
      dtls.send(packet, offset, length);
    } catch (DtlsException e) {
      LOG.debug("SCTP packet of {} bytes not sent: {}", length, e.getMessage());
    }
  }
}
