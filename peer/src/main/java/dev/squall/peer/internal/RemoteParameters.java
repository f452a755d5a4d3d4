package dev.squall.peer.internal;

import dev.squall.dtls.Fingerprint;
import dev.squall.ice.IceCredentials;
import dev.squall.peer.PeerException;
import dev.squall.sdp.Attributed;
import dev.squall.sdp.Candidate;
import dev.squall.sdp.MediaDescription;
import dev.squall.sdp.SessionDescription;
import dev.squall.sdp.SetupRole;
import java.util.List;
import java.util.Optional;

/**
 * What a remote offer or answer says about its data channel transport (RFC 8829 §5.7, RFC 8841):
 * the first usable {@code m=application ... UDP/DTLS/SCTP webrtc-datachannel} section's ICE
 * credentials, certificate fingerprint, {@code a=setup}, candidates and end-of-candidates, each
 * read at media level with the session level as fallback. Audio and video sections are not read
 * here (an answer rejects them). {@link #read} fails with a {@link PeerException} that names what
 * is missing.
 *
 * @param mid the section's {@code a=mid}, or null
 * @param mLineIndex the section's index among the m= lines
 * @param credentials {@code a=ice-ufrag} and {@code a=ice-pwd}
 * @param fingerprint the {@code a=fingerprint} the DTLS certificate must match (SHA-256 preferred)
 * @param setup {@code a=setup}, {@link SetupRole#ACTPASS} when absent (RFC 8842 §5.2 default for an
 *     offer)
 * @param candidates the section's {@code a=candidate} lines, as {@code candidate:...} values
 * @param endOfCandidates whether {@code a=end-of-candidates} is present
 * @param sctpPort {@code a=sctp-port}, 5000 when absent (RFC 8841 §5.2)
 * @param maxMessageSize {@code a=max-message-size}, 65536 when absent, 0 for no limit (RFC 8841 §6)
 */
public record RemoteParameters(
    String mid,
    int mLineIndex,
    IceCredentials credentials,
    Fingerprint fingerprint,
    SetupRole setup,
    List<String> candidates,
    boolean endOfCandidates,
    int sctpPort,
    long maxMessageSize) {

  private static final List<String> PREFERRED_HASHES =
      List.of("sha-256", "sha-384", "sha-512", "sha-1", "sha-224");

  /**
   * @param offer true for an offer (a data section is required), false for an answer (the data
   *     section must be accepted, i.e. have a non-zero port)
   */
  public static RemoteParameters read(SessionDescription sdp, boolean offer) {
    List<MediaDescription> media = sdp.media();
    int index = -1;
    for (int i = 0; i < media.size(); i++) {
      if (media.get(i).isDataChannel()) {
        index = i;
        break;
      }
    }
    String what = offer ? "offer" : "answer";
    if (index < 0) {
      throw new PeerException(
          "the remote "
              + what
              + " has no data channel section (m=application ... UDP/DTLS/SCTP"
              + " webrtc-datachannel); this peer supports data channels only");
    }
    MediaDescription m = media.get(index);
    if (m.isRejected()) {
      throw new PeerException("the remote " + what + " rejected the data channel section");
    }
    String ufrag = sdp.resolve(m, Attributed::iceUfrag).orElse(null);
    String pwd = sdp.resolve(m, Attributed::icePwd).orElse(null);
    if (ufrag == null || pwd == null) {
      throw new PeerException("the remote " + what + " has no a=ice-ufrag or a=ice-pwd");
    }
    IceCredentials credentials;
    try {
      credentials = new IceCredentials(ufrag, pwd);
    } catch (IllegalArgumentException e) {
      throw new PeerException("the remote " + what + " has invalid ICE credentials", e);
    }
    SetupRole setup = sdp.resolve(m, Attributed::setup).orElse(SetupRole.ACTPASS);
    if (!offer && setup != SetupRole.ACTIVE && setup != SetupRole.PASSIVE) {
      throw new PeerException(
          "the remote answer says a=setup:"
              + setup.token()
              + "; an answer must be active or passive");
    }
    if (setup == SetupRole.HOLDCONN) {
      throw new PeerException("the remote offer says a=setup:holdconn; no DTLS role can be chosen");
    }
    List<String> candidates = m.candidates().stream().map(Candidate::toString).toList();
    return new RemoteParameters(
        m.mid().orElse(null),
        index,
        credentials,
        fingerprint(sdp.fingerprintsFor(m), what),
        setup,
        candidates,
        m.endOfCandidates(),
        (int) number(m.value("sctp-port").orElse("5000"), 65535, "a=sctp-port"),
        number(m.value("max-message-size").orElse("65536"), Long.MAX_VALUE, "a=max-message-size"));
  }

  private static long number(String value, long max, String what) {
    try {
      long n = Long.parseLong(value.trim());
      if (n < 0 || n > max) {
        throw new PeerException("the remote " + what + " is out of range: " + value);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new PeerException("the remote " + what + " is not a number: " + value, e);
    }
  }

  private static Fingerprint fingerprint(List<dev.squall.sdp.Fingerprint> offered, String what) {
    if (offered.isEmpty()) {
      throw new PeerException(
          "the remote " + what + " has no a=fingerprint: the DTLS certificate cannot be checked");
    }
    for (String hash : PREFERRED_HASHES) {
      Optional<dev.squall.sdp.Fingerprint> match =
          offered.stream().filter(f -> f.hashFunction().equalsIgnoreCase(hash)).findFirst();
      if (match.isPresent()) {
        try {
          return new Fingerprint(hash, match.get().bytes());
        } catch (IllegalArgumentException e) {
          throw new PeerException(
              "the remote " + what + " has a malformed a=fingerprint: " + match.get(), e);
        }
      }
    }
    throw new PeerException(
        "the remote " + what + " has no a=fingerprint with a supported hash: " + offered);
  }
}
