package dev.squall.ice;

import java.util.Locale;

/**
 * The type of an ICE candidate (RFC 8445 §5.1.1) with the recommended type preference of §5.1.2.2
 * (host 126, peer-reflexive 110, server-reflexive 100, relayed 0). The SDP token is the {@code typ}
 * value of RFC 8839 §5.1.
 */
public enum CandidateType {
  HOST("host", 126),
  PEER_REFLEXIVE("prflx", 110),
  SERVER_REFLEXIVE("srflx", 100),
  RELAYED("relay", 0);

  private final String token;
  private final int typePreference;

  CandidateType(String token, int typePreference) {
    this.token = token;
    this.typePreference = typePreference;
  }

  /** The SDP token: {@code host}, {@code srflx}, {@code prflx} or {@code relay}. */
  public String token() {
    return token;
  }

  /** The type preference, 0–126. */
  public int typePreference() {
    return typePreference;
  }

  /** The type for an SDP token (case-insensitive), or null when unknown. */
  public static CandidateType ofToken(String token) {
    String t = token.toLowerCase(Locale.ROOT);
    for (CandidateType type : values()) {
      if (type.token.equals(t)) {
        return type;
      }
    }
    return null;
  }
}
