package dev.squall.sctp.internal;

import dev.squall.sctp.SctpException;
import dev.squall.util.ByteReader;
import dev.squall.util.ByteWriter;
import dev.squall.util.TruncatedInputException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The State Cookie (RFC 9260 §5.1.3): what the responder needs to build the association from a
 * COOKIE-ECHO without keeping state after INIT, protected by HMAC-SHA256 under a per-association
 * secret key and stamped with its creation time for the lifetime check.
 *
 * <pre>
 * version(1) created(8) myTag(4) peerTag(4) myInitialTsn(4) peerInitialTsn(4) peerRwnd(4)
 * peerOutbound(2) peerInbound(2) flags(1: 1 FORWARD-TSN, 2 RE-CONFIG) | HMAC-SHA256(32)
 * </pre>
 */
final class StateCookie {

  private static final int VERSION = 1;
  private static final int BODY = 34;
  private static final int MAC = 32;

  /** The fields of a cookie. */
  record Contents(
      long createdAt,
      int myTag,
      int peerTag,
      int myInitialTsn,
      int peerInitialTsn,
      long peerRwnd,
      int peerOutbound,
      int peerInbound,
      boolean forwardTsn,
      boolean reconfig) {}

  private final SecretKeySpec key;

  StateCookie(byte[] secret) {
    this.key = new SecretKeySpec(secret, "HmacSHA256");
  }

  byte[] create(Contents c) {
    ByteWriter w = new ByteWriter(BODY + MAC);
    w.putU8(VERSION)
        .putI64(c.createdAt())
        .putI32(c.myTag())
        .putI32(c.peerTag())
        .putI32(c.myInitialTsn())
        .putI32(c.peerInitialTsn())
        .putU32(c.peerRwnd())
        .putU16(c.peerOutbound())
        .putU16(c.peerInbound())
        .putU8((c.forwardTsn() ? 1 : 0) | (c.reconfig() ? 2 : 0));
    w.putBytes(mac(w.toByteArray()));
    return w.toByteArray();
  }

  /** Checks the MAC and returns the fields. */
  Contents open(byte[] cookie) throws SctpException {
    if (cookie.length != BODY + MAC) {
      throw new SctpException("cookie of " + cookie.length + " bytes");
    }
    byte[] body = Arrays.copyOf(cookie, BODY);
    byte[] mac = Arrays.copyOfRange(cookie, BODY, BODY + MAC);
    if (!MessageDigest.isEqual(mac, mac(body))) {
      throw new SctpException("cookie MAC mismatch");
    }
    try {
      ByteReader r = new ByteReader(body);
      if (r.readU8() != VERSION) {
        throw new SctpException("cookie version");
      }
      long created = r.readI64();
      int myTag = r.readI32();
      int peerTag = r.readI32();
      int myTsn = r.readI32();
      int peerTsn = r.readI32();
      long rwnd = r.readU32();
      int os = r.readU16();
      int is = r.readU16();
      int flags = r.readU8();
      return new Contents(
          created,
          myTag,
          peerTag,
          myTsn,
          peerTsn,
          rwnd,
          os,
          is,
          (flags & 1) != 0,
          (flags & 2) != 0);
    } catch (TruncatedInputException e) {
      throw new SctpException("cookie truncated", e);
    }
  }

  private byte[] mac(byte[] body) {
    try {
      Mac m = Mac.getInstance("HmacSHA256");
      m.init(key);
      return m.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
