package dev.squall.sdp;

import dev.squall.sdp.internal.JsepSections;
import java.security.SecureRandom;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Builds a data-channel-only offer as {@code createOffer} does (RFC 8829 §5.2.1, RFC 8841):
 *
 * <pre>
 * v=0
 * o=- &lt;random 63-bit id&gt; 1 IN IP4 127.0.0.1
 * s=-
 * t=0 0
 * a=group:BUNDLE 0
 * m=application 9 UDP/DTLS/SCTP webrtc-datachannel
 * c=IN IP4 0.0.0.0
 * [a=candidate:... ] [a=end-of-candidates]
 * a=ice-ufrag / a=ice-pwd / a=ice-options:trickle
 * a=fingerprint:sha-256 ... / a=setup:actpass / a=mid:0
 * a=sctp-port:5000 / a=max-message-size:262144
 * </pre>
 *
 * With candidates, the m= port and c= follow the default candidate. Not thread-safe; one builder
 * per offer.
 */
public final class JsepOfferBuilder {
  private final IceCredentials ice;
  private final Fingerprint fingerprint;
  private List<Candidate> candidates = List.of();
  private boolean endOfCandidates;
  private String mid = "0";
  private int sctpPort = 5000;
  private long maxMessageSize = 262144;
  private String sessionId;
  private long sessionVersion = 1;
  private RandomGenerator random;

  private JsepOfferBuilder(IceCredentials ice, Fingerprint fingerprint) {
    this.ice = Objects.requireNonNull(ice, "ice");
    this.fingerprint = Objects.requireNonNull(fingerprint, "fingerprint");
  }

  /** An offer with one data channel section, using these local ICE credentials and certificate. */
  public static JsepOfferBuilder dataChannel(IceCredentials ice, Fingerprint fingerprint) {
    return new JsepOfferBuilder(ice, fingerprint);
  }

  /** Candidates to include (default: none, for trickle ICE). */
  public JsepOfferBuilder candidates(List<Candidate> value) {
    this.candidates = List.copyOf(value);
    return this;
  }

  /** Whether to add {@code a=end-of-candidates} (RFC 8840). */
  public JsepOfferBuilder endOfCandidates(boolean value) {
    this.endOfCandidates = value;
    return this;
  }

  /** The mid of the data section (default {@code 0}). */
  public JsepOfferBuilder mid(String value) {
    this.mid = Objects.requireNonNull(value);
    return this;
  }

  /** {@code a=sctp-port} (default 5000). */
  public JsepOfferBuilder sctpPort(int value) {
    this.sctpPort = value;
    return this;
  }

  /** {@code a=max-message-size} (default 262144, as Chromium). */
  public JsepOfferBuilder maxMessageSize(long value) {
    this.maxMessageSize = value;
    return this;
  }

  /** The o= session id (default: random) and version (default 1). */
  public JsepOfferBuilder session(String id, long version) {
    this.sessionId = id;
    this.sessionVersion = version;
    return this;
  }

  /** The random source for the session id (default {@link SecureRandom}). */
  public JsepOfferBuilder random(RandomGenerator value) {
    this.random = value;
    return this;
  }

  /** The offer. */
  public SessionDescription build() {
    RandomGenerator rng = random != null ? random : new SecureRandom();
    String id = sessionId != null ? sessionId : JsepSections.sessionId(rng);
    MediaDescription data =
        JsepSections.dataSection(
            new JsepSections.DataSection(
                mid,
                "UDP/DTLS/SCTP",
                ice,
                fingerprint,
                SetupRole.ACTPASS,
                candidates,
                endOfCandidates,
                sctpPort,
                maxMessageSize));
    return SessionDescription.of(
        Origin.jsep(id, sessionVersion),
        List.of(Group.bundle(List.of(mid)).toAttribute()),
        List.of(data));
  }
}
