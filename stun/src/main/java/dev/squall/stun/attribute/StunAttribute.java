package dev.squall.stun.attribute;

import dev.squall.stun.TransactionId;
import dev.squall.util.ByteWriter;

/**
 * A STUN attribute (RFC 8489 §14): a type-length-value record, padded to a multiple of 4 bytes on
 * the wire.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |         Type                  |            Length             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                         Value (variable)                ....
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * Every implementation is an immutable record whose constructor enforces the RFC's value limits;
 * {@link AttributeCodec} decodes values. Types this module does not model are kept as {@link
 * RawAttribute} and round-trip unchanged.
 */
public sealed interface StunAttribute
    permits AdditionalAddressFamily,
        AddressErrorCode,
        AlternateDomain,
        AlternateServer,
        ChannelNumber,
        Data,
        DontFragment,
        ErrorCode,
        EvenPort,
        Fingerprint,
        IceControlled,
        IceControlling,
        Icmp,
        Lifetime,
        MappedAddress,
        MessageIntegrity,
        MessageIntegritySha256,
        Nonce,
        PasswordAlgorithm,
        PasswordAlgorithms,
        Priority,
        RawAttribute,
        Realm,
        RequestedAddressFamily,
        RequestedTransport,
        ReservationToken,
        Software,
        UnknownAttributes,
        UseCandidate,
        UserHash,
        Username,
        XorMappedAddress,
        XorPeerAddress,
        XorRelayedAddress {

  /** The 16-bit attribute type code. */
  int type();

  /**
   * Writes the value (without the type, length or padding). XOR-coded attributes need the message's
   * {@code transactionId}; the others ignore it.
   */
  void encodeValue(ByteWriter out, TransactionId transactionId);

  /** True when the type is in the comprehension-required range 0x0000–0x7FFF. */
  default boolean isComprehensionRequired() {
    return AttributeType.isComprehensionRequired(type());
  }
}
