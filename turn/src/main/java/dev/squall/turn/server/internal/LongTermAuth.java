package dev.squall.turn.server.internal;

import dev.squall.stun.StunCredentials;
import dev.squall.stun.StunMessage;
import dev.squall.stun.attribute.MessageIntegrity;
import dev.squall.stun.attribute.MessageIntegritySha256;
import dev.squall.stun.attribute.Nonce;
import dev.squall.stun.attribute.Realm;
import dev.squall.stun.attribute.Username;
import dev.squall.turn.TurnRestCredentials;
import java.net.InetAddress;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The server side of the long-term credential mechanism (RFC 8489 §9.2.4, as RFC 8656 §5 requires
 * for every request but Binding), in the RFC's order:
 *
 * <ol>
 *   <li>no MESSAGE-INTEGRITY(-SHA256): 401 with REALM and NONCE ({@link Kind#CHALLENGE});
 *   <li>USERNAME, REALM or NONCE missing: 400;
 *   <li>unknown user, expired REST credential, or integrity not verifying: 401 with REALM and
 *       NONCE, counted as an authentication failure;
 *   <li>NONCE not valid (expired, another server's, another client's): 438 with a fresh NONCE
 *       (protected: the integrity check passed);
 *   <li>otherwise the request is authenticated.
 * </ol>
 *
 * Users are the static user map and, when configured, REST-API names {@code <expiry>:<user>} whose
 * password is derived from the shared secret and whose expiry is checked against the wall clock.
 * Not thread-safe (one shard).
 */
public final class LongTermAuth {

  /** What the check decided. */
  public enum Kind {
    OK,
    CHALLENGE,
    BAD_REQUEST,
    UNAUTHORIZED,
    STALE_NONCE
  }

  /**
   * The decision, with the credential when the integrity check passed (OK and STALE_NONCE).
   *
   * @param kind the decision
   * @param credential the verified credential, or null
   */
  public record Outcome(Kind kind, Credential credential) {}

  private final String realm;
  private final Map<String, byte[]> staticKeys = new HashMap<>();
  private final TurnRestCredentials rest;
  private final NonceCodec nonces;

  public LongTermAuth(
      String realm, Map<String, String> users, TurnRestCredentials rest, NonceCodec nonces) {
    this.realm = realm;
    users.forEach((u, p) -> staticKeys.put(u, StunCredentials.longTermKey(u, realm, p)));
    this.rest = rest;
    this.nonces = nonces;
  }

  /** A fresh nonce for {@code client}. */
  public String nonce(InetAddress client, long nowNanos) {
    return nonces.issue(client, nowNanos);
  }

  /** Checks {@code request} from {@code client} at {@code nowNanos} / {@code now} (wall clock). */
  public Outcome check(StunMessage request, InetAddress client, long nowNanos, Instant now) {
    boolean sha1 = request.attribute(MessageIntegrity.class).isPresent();
    boolean sha256 = request.attribute(MessageIntegritySha256.class).isPresent();
    if (!sha1 && !sha256) {
      return new Outcome(Kind.CHALLENGE, null);
    }
    Optional<Username> username = request.attribute(Username.class);
    Optional<Realm> requestRealm = request.attribute(Realm.class);
    Optional<Nonce> nonce = request.attribute(Nonce.class);
    if (username.isEmpty() || requestRealm.isEmpty() || nonce.isEmpty()) {
      return new Outcome(Kind.BAD_REQUEST, null);
    }
    String name = username.get().value();
    byte[] key = keyOf(name, now);
    if (key == null || !request.verifyIntegrity(key)) {
      return new Outcome(Kind.UNAUTHORIZED, null);
    }
    Credential credential = new Credential(name, quotaUser(name), key, sha256 && !sha1);
    if (!nonces.isValid(nonce.get().value(), client, nowNanos)) {
      return new Outcome(Kind.STALE_NONCE, credential);
    }
    return new Outcome(Kind.OK, credential);
  }

  private byte[] keyOf(String username, Instant now) {
    byte[] key = staticKeys.get(username);
    if (key != null) {
      return key;
    }
    if (rest == null) {
      return null;
    }
    Optional<Instant> expiry = TurnRestCredentials.expiryOf(username);
    if (expiry.isEmpty() || !now.isBefore(expiry.get())) {
      return null;
    }
    return StunCredentials.longTermKey(username, realm, rest.passwordFor(username));
  }

  /** The user part of a REST name ({@code <expiry>:<user>}), else the whole name. */
  private String quotaUser(String username) {
    if (staticKeys.containsKey(username)) {
      return username;
    }
    int colon = username.indexOf(':');
    return colon >= 0 && colon < username.length() - 1 ? username.substring(colon + 1) : username;
  }
}
