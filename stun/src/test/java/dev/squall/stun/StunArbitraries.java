package dev.squall.stun;

import dev.squall.stun.attribute.AdditionalAddressFamily;
import dev.squall.stun.attribute.AddressErrorCode;
import dev.squall.stun.attribute.AlternateDomain;
import dev.squall.stun.attribute.AlternateServer;
import dev.squall.stun.attribute.AttributeType;
import dev.squall.stun.attribute.ChannelNumber;
import dev.squall.stun.attribute.Data;
import dev.squall.stun.attribute.DontFragment;
import dev.squall.stun.attribute.ErrorCode;
import dev.squall.stun.attribute.EvenPort;
import dev.squall.stun.attribute.Fingerprint;
import dev.squall.stun.attribute.IceControlled;
import dev.squall.stun.attribute.IceControlling;
import dev.squall.stun.attribute.Icmp;
import dev.squall.stun.attribute.Lifetime;
import dev.squall.stun.attribute.MappedAddress;
import dev.squall.stun.attribute.MessageIntegrity;
import dev.squall.stun.attribute.MessageIntegritySha256;
import dev.squall.stun.attribute.Nonce;
import dev.squall.stun.attribute.PasswordAlgorithm;
import dev.squall.stun.attribute.PasswordAlgorithms;
import dev.squall.stun.attribute.Priority;
import dev.squall.stun.attribute.RawAttribute;
import dev.squall.stun.attribute.Realm;
import dev.squall.stun.attribute.RequestedAddressFamily;
import dev.squall.stun.attribute.RequestedTransport;
import dev.squall.stun.attribute.ReservationToken;
import dev.squall.stun.attribute.Software;
import dev.squall.stun.attribute.StunAttribute;
import dev.squall.stun.attribute.UnknownAttributes;
import dev.squall.stun.attribute.UseCandidate;
import dev.squall.stun.attribute.UserHash;
import dev.squall.stun.attribute.Username;
import dev.squall.stun.attribute.XorMappedAddress;
import dev.squall.stun.attribute.XorPeerAddress;
import dev.squall.stun.attribute.XorRelayedAddress;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** jqwik generators for STUN values, shared by the property tests. */
public final class StunArbitraries {

  private StunArbitraries() {}

  public static Arbitrary<byte[]> bytes(int min, int max) {
    return Arbitraries.bytes().array(byte[].class).ofMinSize(min).ofMaxSize(max);
  }

  public static Arbitrary<TransactionId> transactionIds() {
    return bytes(12, 12).map(TransactionId::of);
  }

  public static Arbitrary<InetSocketAddress> socketAddresses() {
    Arbitrary<byte[]> ip = Arbitraries.oneOf(bytes(4, 4), bytes(16, 16));
    return Combinators.combine(ip, Arbitraries.integers().between(0, 65535))
        .as(StunArbitraries::socketAddress);
  }

  /** Text of up to {@code max} characters, ASCII and some multi-byte characters. */
  public static Arbitrary<String> text(int max) {
    return Arbitraries.strings()
        .withCharRange(' ', '~')
        .withChars("\u00e4\u00e9\u20ac\u30de\u30c8\u30ea\u00ad")
        .ofMaxLength(max);
  }

  public static Arbitrary<PasswordAlgorithm> passwordAlgorithms() {
    return Combinators.combine(Arbitraries.integers().between(0, 0xFFFF), bytes(0, 20))
        .as(PasswordAlgorithm::new);
  }

  /** Attribute types with no typed codec, so they decode back to {@link RawAttribute}. */
  public static Arbitrary<Integer> rawTypes() {
    return Arbitraries.integers()
        .between(0, 0xFFFF)
        .filter(t -> AttributeType.of(t).map(x -> !x.hasTypedCodec()).orElse(true));
  }

  /** Every attribute record, FINGERPRINT included. */
  public static Arbitrary<StunAttribute> attributes() {
    return Arbitraries.oneOf(
        attributesExceptFingerprint(), Arbitraries.integers().map(Fingerprint::new));
  }

  /** Every attribute record except FINGERPRINT (which must be last in a message). */
  public static Arbitrary<StunAttribute> attributesExceptFingerprint() {
    List<Arbitrary<? extends StunAttribute>> all =
        List.of(
            socketAddresses().map(MappedAddress::new),
            socketAddresses().map(XorMappedAddress::new),
            socketAddresses().map(AlternateServer::new),
            text(120).filter(s -> s.length() * 3 <= Username.MAX_BYTES).map(Username::new),
            bytes(32, 32).map(UserHash::new),
            bytes(20, 20).map(MessageIntegrity::new),
            Arbitraries.of(16, 20, 24, 28, 32)
                .flatMap(n -> bytes(n, n))
                .map(MessageIntegritySha256::new),
            Combinators.combine(Arbitraries.integers().between(300, 699), text(127))
                .as(ErrorCode::new),
            text(127).map(Realm::new),
            text(127).map(Nonce::new),
            text(127).map(Software::new),
            text(80).map(AlternateDomain::new),
            passwordAlgorithms().list().ofMaxSize(5).map(PasswordAlgorithms::new),
            passwordAlgorithms(),
            Arbitraries.integers()
                .between(0, 0xFFFF)
                .list()
                .ofMaxSize(20)
                .map(UnknownAttributes::new),
            Arbitraries.longs().between(0, 0xFFFF_FFFFL).map(Priority::new),
            Arbitraries.just(new UseCandidate()),
            Arbitraries.longs().map(IceControlled::new),
            Arbitraries.longs().map(IceControlling::new),
            Arbitraries.integers().between(0, 0xFFFF).map(ChannelNumber::new),
            Arbitraries.longs().between(0, 0xFFFF_FFFFL).map(Lifetime::new),
            socketAddresses().map(XorPeerAddress::new),
            socketAddresses().map(XorRelayedAddress::new),
            bytes(0, 1500).map(Data::new),
            Arbitraries.integers().between(0, 0xFF).map(RequestedAddressFamily::new),
            Arbitraries.integers().between(0, 0xFF).map(AdditionalAddressFamily::new),
            Arbitraries.integers().between(0, 0xFF).map(RequestedTransport::new),
            Arbitraries.of(true, false).map(EvenPort::new),
            Arbitraries.just(new DontFragment()),
            bytes(8, 8).map(ReservationToken::new),
            Combinators.combine(
                    Arbitraries.integers().between(0, 0xFF),
                    Arbitraries.integers().between(300, 699),
                    text(127))
                .as(AddressErrorCode::new),
            Combinators.combine(
                    Arbitraries.integers().between(0, 0xFF),
                    Arbitraries.integers().between(0, 0xFF),
                    Arbitraries.longs().between(0, 0xFFFF_FFFFL))
                .as(Icmp::new),
            Combinators.combine(rawTypes(), bytes(0, 64)).as(RawAttribute::new));
    return Arbitraries.oneOf(all);
  }

  public static Arbitrary<StunMessageType> messageTypes() {
    return Combinators.combine(
            Arbitraries.integers().between(0, 0xFFF), Arbitraries.of(StunClass.class))
        .as((m, c) -> new StunMessageType(new StunMethod(m), c));
  }

  /** Well-formed messages, with or without integrity and fingerprint. */
  public static Arbitrary<StunMessage> messages() {
    return Combinators.combine(
            messageTypes(),
            transactionIds(),
            attributesExceptFingerprint().list().ofMaxSize(6),
            Arbitraries.integers().between(0, 3))
        .as(
            (type, tid, attrs, trailer) -> {
              StunMessageBuilder b = StunMessage.builder(type, tid).addAll(attrs);
              if ((trailer & 1) != 0) {
                b.addMessageIntegrity("key".getBytes());
              }
              if ((trailer & 2) != 0) {
                b.addFingerprint();
              }
              return b.build();
            });
  }

  private static InetSocketAddress socketAddress(byte[] ip, int port) {
    try {
      return new InetSocketAddress(InetAddress.getByAddress(ip), port);
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    }
  }
}
