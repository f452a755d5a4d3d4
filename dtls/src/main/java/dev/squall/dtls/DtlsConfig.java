package dev.squall.dtls;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * Settings of a {@link DtlsTransport}. Start from {@link #defaults()} and change with the {@code
 * with…} methods.
 *
 * @param mtu the largest datagram DTLS sends, record header and AEAD expansion included (handshake
 *     messages are fragmented to fit; application data above the resulting limit is refused). 1200
 *     by default, the size WebRTC stacks assume fits every path.
 * @param receiveLimit the largest datagram accepted whole; longer ones are truncated and dropped
 * @param handshakeTimeout the whole handshake must finish within this (30 s by default)
 * @param initialRetransmit BouncyCastle's first flight retransmission timer (1 s by default, RFC
 *     6347 section 4.2.4.1); it doubles on each retransmission up to 60 s
 * @param srtpProfiles the {@code use_srtp} profiles offered (client) or accepted (server), in order
 *     of preference; empty to leave the extension out
 * @param crypto the BouncyCastle crypto implementation (see {@link CryptoProvider})
 * @param handshakeExecutor runs the blocking handshake; null starts one daemon thread per handshake
 */
public record DtlsConfig(
    int mtu,
    int receiveLimit,
    Duration handshakeTimeout,
    Duration initialRetransmit,
    List<SrtpProfile> srtpProfiles,
    CryptoProvider crypto,
    Executor handshakeExecutor) {

  /** Default datagram MTU. */
  public static final int DEFAULT_MTU = 1200;

  public DtlsConfig {
    if (mtu < 256 || mtu > 65507) {
      throw new IllegalArgumentException("mtu out of 256..65507: " + mtu);
    }
    if (receiveLimit < mtu || receiveLimit > 65535) {
      throw new IllegalArgumentException("receiveLimit out of mtu..65535: " + receiveLimit);
    }
    positiveMillis(handshakeTimeout, "handshakeTimeout");
    positiveMillis(initialRetransmit, "initialRetransmit");
    srtpProfiles = List.copyOf(srtpProfiles);
    Objects.requireNonNull(crypto, "crypto");
  }

  /**
   * MTU 1200, receive limit 2048, 30 s handshake timeout, 1 s initial retransmission, {@code
   * use_srtp} with AEAD_AES_128_GCM then AES128_CM_HMAC_SHA1_80, JCA crypto, a thread per
   * handshake.
   */
  public static DtlsConfig defaults() {
    return new DtlsConfig(
        DEFAULT_MTU,
        2048,
        Duration.ofSeconds(30),
        Duration.ofSeconds(1),
        List.of(SrtpProfile.AEAD_AES_128_GCM, SrtpProfile.AES128_CM_HMAC_SHA1_80),
        CryptoProvider.JCA,
        null);
  }

  public DtlsConfig withMtu(int bytes) {
    return new DtlsConfig(
        bytes,
        Math.max(bytes, receiveLimit),
        handshakeTimeout,
        initialRetransmit,
        srtpProfiles,
        crypto,
        handshakeExecutor);
  }

  public DtlsConfig withReceiveLimit(int bytes) {
    return new DtlsConfig(
        mtu, bytes, handshakeTimeout, initialRetransmit, srtpProfiles, crypto, handshakeExecutor);
  }

  public DtlsConfig withHandshakeTimeout(Duration timeout) {
    return new DtlsConfig(
        mtu, receiveLimit, timeout, initialRetransmit, srtpProfiles, crypto, handshakeExecutor);
  }

  public DtlsConfig withInitialRetransmit(Duration delay) {
    return new DtlsConfig(
        mtu, receiveLimit, handshakeTimeout, delay, srtpProfiles, crypto, handshakeExecutor);
  }

  public DtlsConfig withSrtpProfiles(List<SrtpProfile> profiles) {
    return new DtlsConfig(
        mtu,
        receiveLimit,
        handshakeTimeout,
        initialRetransmit,
        profiles,
        crypto,
        handshakeExecutor);
  }

  public DtlsConfig withCrypto(CryptoProvider provider) {
    return new DtlsConfig(
        mtu,
        receiveLimit,
        handshakeTimeout,
        initialRetransmit,
        srtpProfiles,
        provider,
        handshakeExecutor);
  }

  public DtlsConfig withHandshakeExecutor(Executor executor) {
    return new DtlsConfig(
        mtu, receiveLimit, handshakeTimeout, initialRetransmit, srtpProfiles, crypto, executor);
  }

  private static void positiveMillis(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.toMillis() < 1 || d.toMillis() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(name + " out of range: " + d);
    }
  }
}
