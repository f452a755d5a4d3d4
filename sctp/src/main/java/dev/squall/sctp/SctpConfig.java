package dev.squall.sctp;

import java.time.Duration;

/**
 * Association parameters. Defaults follow RFC 9260 §16 and the WebRTC profile (RFC 8261, RFC 8831):
 * ports 5000, an SCTP packet of at most 1200 bytes, RTO 1 s initial and minimum, 60 s maximum, 10
 * retransmissions, 256 KiB messages. Build with {@link #builder()}.
 *
 * @param localPort source port written in every packet
 * @param remotePort destination port, checked on every received packet
 * @param mtu largest SCTP packet (common header included) this side sends
 * @param rtoInitial RTO.Initial
 * @param rtoMin RTO.Min (WebRTC stacks often use less than the RFC's 1 s)
 * @param rtoMax RTO.Max
 * @param maxInitRetransmits Max.Init.Retransmits, for INIT and COOKIE-ECHO
 * @param maxRetransmits Association.Max.Retrans: consecutive timeouts before the peer is declared
 *     unreachable
 * @param heartbeatInterval HB.interval; {@link Duration#ZERO} turns heartbeats off
 * @param delayedAckTime longest delay of a SACK (RFC: 200 ms)
 * @param cookieLifetime Valid.Cookie.Life
 * @param receiveWindow receive buffer advertised as a_rwnd
 * @param maxMessageSize largest message accepted from the peer or from {@code send}
 * @param outboundStreams streams requested for sending (OS)
 * @param inboundStreams streams accepted for receiving (MIS)
 */
public record SctpConfig(
    int localPort,
    int remotePort,
    int mtu,
    Duration rtoInitial,
    Duration rtoMin,
    Duration rtoMax,
    int maxInitRetransmits,
    int maxRetransmits,
    Duration heartbeatInterval,
    Duration delayedAckTime,
    Duration cookieLifetime,
    int receiveWindow,
    int maxMessageSize,
    int outboundStreams,
    int inboundStreams) {

  /** The defaults described above. */
  public static final SctpConfig DEFAULT = builder().build();

  public SctpConfig {
    if (mtu < 300 || mtu > 65535) {
      throw new IllegalArgumentException("mtu out of 300..65535: " + mtu);
    }
    if (rtoMin.isNegative() || rtoMin.isZero() || rtoMax.compareTo(rtoMin) < 0) {
      throw new IllegalArgumentException("need 0 < rtoMin <= rtoMax");
    }
    if (receiveWindow < 1500 || maxMessageSize < 1) {
      throw new IllegalArgumentException("receive window or message size too small");
    }
    if (outboundStreams < 1 || outboundStreams > 65535) {
      throw new IllegalArgumentException("outbound streams out of 1..65535");
    }
    if (inboundStreams < 1 || inboundStreams > 65535) {
      throw new IllegalArgumentException("inbound streams out of 1..65535");
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from these values. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.localPort = localPort;
    b.remotePort = remotePort;
    b.mtu = mtu;
    b.rtoInitial = rtoInitial;
    b.rtoMin = rtoMin;
    b.rtoMax = rtoMax;
    b.maxInitRetransmits = maxInitRetransmits;
    b.maxRetransmits = maxRetransmits;
    b.heartbeatInterval = heartbeatInterval;
    b.delayedAckTime = delayedAckTime;
    b.cookieLifetime = cookieLifetime;
    b.receiveWindow = receiveWindow;
    b.maxMessageSize = maxMessageSize;
    b.outboundStreams = outboundStreams;
    b.inboundStreams = inboundStreams;
    return b;
  }

  /** Builds an {@link SctpConfig}. */
  public static final class Builder {
    private int localPort = 5000;
    private int remotePort = 5000;
    private int mtu = 1200;
    private Duration rtoInitial = Duration.ofSeconds(1);
    private Duration rtoMin = Duration.ofSeconds(1);
    private Duration rtoMax = Duration.ofSeconds(60);
    private int maxInitRetransmits = 8;
    private int maxRetransmits = 10;
    private Duration heartbeatInterval = Duration.ofSeconds(30);
    private Duration delayedAckTime = Duration.ofMillis(200);
    private Duration cookieLifetime = Duration.ofSeconds(60);
    private int receiveWindow = 1024 * 1024;
    private int maxMessageSize = 256 * 1024;
    private int outboundStreams = 1024;
    private int inboundStreams = 1024;

    private Builder() {}

    public Builder ports(int local, int remote) {
      this.localPort = local;
      this.remotePort = remote;
      return this;
    }

    public Builder mtu(int mtu) {
      this.mtu = mtu;
      return this;
    }

    public Builder rtoInitial(Duration d) {
      this.rtoInitial = d;
      return this;
    }

    public Builder rtoMin(Duration d) {
      this.rtoMin = d;
      return this;
    }

    public Builder rtoMax(Duration d) {
      this.rtoMax = d;
      return this;
    }

    public Builder maxInitRetransmits(int n) {
      this.maxInitRetransmits = n;
      return this;
    }

    public Builder maxRetransmits(int n) {
      this.maxRetransmits = n;
      return this;
    }

    public Builder heartbeatInterval(Duration d) {
      this.heartbeatInterval = d;
      return this;
    }

    public Builder delayedAckTime(Duration d) {
      this.delayedAckTime = d;
      return this;
    }

    public Builder cookieLifetime(Duration d) {
      this.cookieLifetime = d;
      return this;
    }

    public Builder receiveWindow(int bytes) {
      this.receiveWindow = bytes;
      return this;
    }

    public Builder maxMessageSize(int bytes) {
      this.maxMessageSize = bytes;
      return this;
    }

    public Builder streams(int outbound, int inbound) {
      this.outboundStreams = outbound;
      this.inboundStreams = inbound;
      return this;
    }

    public SctpConfig build() {
      return new SctpConfig(
          localPort,
          remotePort,
          mtu,
          rtoInitial,
          rtoMin,
          rtoMax,
          maxInitRetransmits,
          maxRetransmits,
          heartbeatInterval,
          delayedAckTime,
          cookieLifetime,
          receiveWindow,
          maxMessageSize,
          outboundStreams,
          inboundStreams);
    }
  }
}
