package dev.squall.peer;

import dev.squall.dtls.DtlsCertificate;
import dev.squall.dtls.DtlsConfig;
import dev.squall.ice.IceConfig;
import dev.squall.ice.IceTransportPolicy;
import dev.squall.sdp.SetupRole;
import dev.squall.signal.IceServer;
import dev.squall.turn.client.TurnStreamConnector;
import java.util.List;
import java.util.Objects;

/**
 * Settings of a {@link PeerConnection}. Start from {@link #defaults()} and use the withers.
 *
 * @param ice the ICE agent's settings (STUN and TURN servers, transport policy, timers, consent,
 *     mDNS resolver, randomness, the connector for TURN over TCP and TLS)
 * @param dtls the DTLS transport's settings (MTU, retransmission, handshake timeout, crypto)
 * @param certificate this peer's DTLS identity; null generates a fresh one per connection
 * @param answerSetup the {@code a=setup} an answer takes when the offer says {@code actpass}:
 *     {@link SetupRole#ACTIVE} (the default, as browsers: the answerer is the DTLS client) or
 *     {@link SetupRole#PASSIVE}
 * @param rawDatagrams true to run no SCTP and carry raw application datagrams over DTLS ({@link
 *     PeerConnection#sendDatagram}); false (the default) for DataChannels
 */
public record PeerConfiguration(
    IceConfig ice,
    DtlsConfig dtls,
    DtlsCertificate certificate,
    SetupRole answerSetup,
    boolean rawDatagrams) {

  public PeerConfiguration {
    Objects.requireNonNull(ice, "ice");
    Objects.requireNonNull(dtls, "dtls");
    Objects.requireNonNull(answerSetup, "answerSetup");
    if (answerSetup != SetupRole.ACTIVE && answerSetup != SetupRole.PASSIVE) {
      throw new IllegalArgumentException("answerSetup must be active or passive: " + answerSetup);
    }
  }

  /**
   * ICE and DTLS defaults, without {@code use_srtp} (a data-only peer has no SRTP to key), a fresh
   * certificate per connection, answers active; TURN servers over TCP and TLS are reached with
   * {@link NettyTurnConnector#defaults()} (the JDK's trust store for {@code turns:}).
   */
  public static PeerConfiguration defaults() {
    return new PeerConfiguration(
        IceConfig.defaults().withTurnConnector(NettyTurnConnector.defaults()),
        DtlsConfig.defaults().withSrtpProfiles(List.of()),
        null,
        SetupRole.ACTIVE,
        false);
  }

  /**
   * Replaces the ICE settings whole: derive {@code value} from {@link #ice()} to keep the TURN
   * connector of {@link #defaults()} ({@code IceConfig.defaults()} has none).
   */
  public PeerConfiguration withIce(IceConfig value) {
    return new PeerConfiguration(value, dtls, certificate, answerSetup, rawDatagrams);
  }

  /**
   * The STUN and TURN servers of W3C {@code RTCIceServer} entries, such as a Squall room's {@code
   * joined.iceServers} (see {@link IceServers}; resolves host names, which may block).
   */
  public PeerConfiguration withIceServers(List<IceServer> servers) {
    return withIce(IceServers.apply(ice, servers));
  }

  /**
   * The W3C {@code iceTransportPolicy}: {@link IceTransportPolicy#RELAY} ({@code "relay"}) gathers,
   * signals and checks relay candidates only.
   */
  public PeerConfiguration withIceTransportPolicy(IceTransportPolicy policy) {
    return withIce(ice.withTransportPolicy(policy));
  }

  /**
   * How TURN servers over TCP and TLS are reached, e.g. {@code
   * NettyTurnConnector.defaults().withTrustedCertificates(...)} to trust a server's own certificate
   * for {@code turns:}.
   */
  public PeerConfiguration withTurnConnector(TurnStreamConnector connector) {
    return withIce(ice.withTurnConnector(connector));
  }

  public PeerConfiguration withDtls(DtlsConfig value) {
    return new PeerConfiguration(ice, value, certificate, answerSetup, rawDatagrams);
  }

  public PeerConfiguration withCertificate(DtlsCertificate value) {
    return new PeerConfiguration(ice, dtls, value, answerSetup, rawDatagrams);
  }

  public PeerConfiguration withAnswerSetup(SetupRole value) {
    return new PeerConfiguration(ice, dtls, certificate, value, rawDatagrams);
  }

  public PeerConfiguration withRawDatagrams(boolean value) {
    return new PeerConfiguration(ice, dtls, certificate, answerSetup, value);
  }
}
