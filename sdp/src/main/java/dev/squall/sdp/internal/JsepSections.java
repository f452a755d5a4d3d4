package dev.squall.sdp.internal;

import dev.squall.sdp.Attribute;
import dev.squall.sdp.Candidate;
import dev.squall.sdp.Connection;
import dev.squall.sdp.Fingerprint;
import dev.squall.sdp.IceCredentials;
import dev.squall.sdp.MediaDescription;
import dev.squall.sdp.SetupRole;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/** Pieces shared by the JSEP offer and answer builders (RFC 8829 §5.2.1, §5.3.1). */
public final class JsepSections {
  private JsepSections() {}

  /** Parameters of the local data channel section. */
  public record DataSection(
      String mid,
      String protocol,
      IceCredentials ice,
      Fingerprint fingerprint,
      SetupRole setup,
      List<Candidate> candidates,
      boolean endOfCandidates,
      int sctpPort,
      long maxMessageSize) {}

  /** A session id: 63 random bits, most significant bit zero (RFC 8829 §5.2.1). */
  public static String sessionId(RandomGenerator random) {
    return Long.toString(random.nextLong() & Long.MAX_VALUE);
  }

  /**
   * The {@code m=application} section: port and {@code c=} from the default candidate (the
   * highest-priority UDP component-1 candidate with an IP literal), else the dummy {@code 9} and
   * {@code IN IP4 0.0.0.0}.
   */
  public static MediaDescription dataSection(DataSection p) {
    List<Attribute> a = new ArrayList<>();
    for (Candidate c : p.candidates()) {
      a.add(c.toAttribute());
    }
    if (p.endOfCandidates()) {
      a.add(Attribute.flag("end-of-candidates"));
    }
    a.add(Attribute.of("ice-ufrag", p.ice().ufrag()));
    a.add(Attribute.of("ice-pwd", p.ice().pwd()));
    a.add(Attribute.of("ice-options", "trickle"));
    a.add(p.fingerprint().toAttribute());
    a.add(p.setup().toAttribute());
    if (p.mid() != null) {
      a.add(Attribute.of("mid", p.mid()));
    }
    a.add(Attribute.of("sctp-port", Integer.toString(p.sctpPort())));
    a.add(Attribute.of("max-message-size", Long.toString(p.maxMessageSize())));
    Optional<Candidate> def =
        p.candidates().stream()
            .filter(c -> c.component() == 1 && c.transportType() == Candidate.Transport.UDP)
            .filter(c -> c.ipAddress().isPresent())
            .max(Comparator.comparingLong(Candidate::priority));
    int port = def.map(Candidate::port).orElse(9);
    Connection conn =
        def.map(c -> new Connection("IN", c.isIpv6() ? "IP6" : "IP4", c.address()))
            .orElse(Connection.DUMMY);
    return MediaDescription.of(
        "application", port, p.protocol(), List.of("webrtc-datachannel"), conn, a);
  }
}
