package dev.squall.stun.attribute;

import dev.squall.stun.StunException;
import dev.squall.stun.TransactionId;
import dev.squall.util.ByteReader;

/**
 * Decodes one attribute value by type code into its record, or into a {@link RawAttribute} when the
 * code has no typed codec here. Throws only {@link StunException}; the caller (the message decoder)
 * checks that the whole value was consumed.
 */
public final class AttributeCodec {

  private AttributeCodec() {}

  /**
   * Decodes the value in {@code value} (exactly the attribute's length, without padding).
   *
   * @throws StunException when the value is malformed for its type
   */
  public static StunAttribute decode(int type, ByteReader value, TransactionId transactionId)
      throws StunException {
    try {
      return switch (type) {
        case 0x0001 -> MappedAddress.decode(value);
        case 0x0006 -> Username.decode(value);
        case 0x0008 -> MessageIntegrity.decode(value);
        case 0x0009 -> ErrorCode.decode(value);
        case 0x000A -> UnknownAttributes.decode(value);
        case 0x000C -> ChannelNumber.decode(value);
        case 0x000D -> Lifetime.decode(value);
        case 0x0012 -> XorPeerAddress.decode(value, transactionId);
        case 0x0013 -> Data.decode(value);
        case 0x0014 -> Realm.decode(value);
        case 0x0015 -> Nonce.decode(value);
        case 0x0016 -> XorRelayedAddress.decode(value, transactionId);
        case 0x0017 -> RequestedAddressFamily.decode(value);
        case 0x0018 -> EvenPort.decode(value);
        case 0x0019 -> RequestedTransport.decode(value);
        case 0x001A -> DontFragment.decode(value);
        case 0x001C -> MessageIntegritySha256.decode(value);
        case 0x001D -> PasswordAlgorithm.decode(value);
        case 0x001E -> UserHash.decode(value);
        case 0x0020 -> XorMappedAddress.decode(value, transactionId);
        case 0x0022 -> ReservationToken.decode(value);
        case 0x0024 -> Priority.decode(value);
        case 0x0025 -> UseCandidate.decode(value);
        case 0x8000 -> AdditionalAddressFamily.decode(value);
        case 0x8001 -> AddressErrorCode.decode(value);
        case 0x8002 -> PasswordAlgorithms.decode(value);
        case 0x8003 -> AlternateDomain.decode(value);
        case 0x8004 -> Icmp.decode(value);
        case 0x8022 -> Software.decode(value);
        case 0x8023 -> AlternateServer.decode(value);
        case 0x8028 -> Fingerprint.decode(value);
        case 0x8029 -> IceControlled.decode(value);
        case 0x802A -> IceControlling.decode(value);
        default -> new RawAttribute(type, value.readBytes(value.remaining()));
      };
    } catch (IllegalArgumentException e) {
      throw new StunException(AttributeType.nameOf(type) + ": " + e.getMessage(), e);
    }
  }

  /** Fails unless exactly {@code length} bytes remain. */
  static void requireLength(ByteReader value, int length, String name) throws StunException {
    if (value.remaining() != length) {
      throw new StunException(name + " must be " + length + " bytes, not " + value.remaining());
    }
  }
}
