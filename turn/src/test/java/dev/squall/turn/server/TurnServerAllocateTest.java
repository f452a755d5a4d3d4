package dev.squall.turn.server;

import static dev.squall.turn.server.FakeClient.errorCode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.squall.stun.StunClass;
import dev.squall.stun.StunMessage;
import dev.squall.stun.StunMethod;
import dev.squall.stun.attribute.AdditionalAddressFamily;
import dev.squall.stun.attribute.AddressErrorCode;
import dev.squall.stun.attribute.DontFragment;
import dev.squall.stun.attribute.ErrorCode;
import dev.squall.stun.attribute.EvenPort;
import dev.squall.stun.attribute.Lifetime;
import dev.squall.stun.attribute.MessageIntegrity;
import dev.squall.stun.attribute.Nonce;
import dev.squall.stun.attribute.RawAttribute;
import dev.squall.stun.attribute.Realm;
import dev.squall.stun.attribute.RequestedAddressFamily;
import dev.squall.stun.attribute.RequestedTransport;
import dev.squall.stun.attribute.ReservationToken;
import dev.squall.stun.attribute.UnknownAttributes;
import dev.squall.stun.attribute.XorMappedAddress;
import dev.squall.stun.attribute.XorRelayedAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Allocate (RFC 8656 §7.2): the success path and each error the request can earn. */
class TurnServerAllocateTest {

  private final TurnHarness h = new TurnHarness();
  private final FakeClient alice = h.client("198.51.100.10", 40000);

  @Test
  void allocateWithoutCredentialsIsChallengedWithRealmAndNonce() {
    StunMessage r = alice.plain(StunMethod.ALLOCATE, new RequestedTransport(17));

    assertThat(r.messageClass()).isEqualTo(StunClass.ERROR_RESPONSE);
    assertThat(errorCode(r)).isEqualTo(401);
    assertThat(r.attribute(Realm.class)).contains(new Realm("squall"));
    assertThat(r.attribute(Nonce.class)).isPresent();
    assertThat(r.attribute(MessageIntegrity.class)).isEmpty();
    assertThat(r.verifyFingerprint()).isTrue();
    assertThat(h.server.allocationCount()).isZero();
  }

  @Test
  void allocateWithCredentialsGetsARelayedAddressInTheRangeAndAProtectedResponse() {
    StunMessage r = alice.allocate();

    assertThat(r.messageClass()).isEqualTo(StunClass.SUCCESS_RESPONSE);
    InetSocketAddress relayed = r.attribute(XorRelayedAddress.class).orElseThrow().address();
    assertThat(relayed.getAddress()).isEqualTo(TurnHarness.RELAY);
    assertThat(relayed.getPort()).isBetween(49152, 65535);
    assertThat(r.attribute(Lifetime.class)).contains(new Lifetime(600));
    assertThat(r.attribute(XorMappedAddress.class).orElseThrow().address())
        .isEqualTo(alice.clientAddress());
    assertThat(r.verifyMessageIntegrity(alice.key())).isTrue();
    assertThat(r.verifyFingerprint()).isTrue();
    assertThat(h.server.allocationCount()).isEqualTo(1);
    assertThat(h.stats.allocationsActive()).isEqualTo(1);
    assertThat(h.stats.allocationsCreated()).isEqualTo(1);
  }

  @Test
  void aRetransmittedAllocateIsAnsweredIdenticallyAndAnotherOneGets437() {
    alice.allocate(); // fetches the nonce
    StunMessage request = alice.signed(StunMethod.ALLOCATE, new RequestedTransport(17));
    alice.refresh(0); // start over on a fresh 5-tuple state

    byte[] first = alice.exchange(request.encode());
    byte[] again = alice.exchange(request.encode());
    StunMessage other = alice.allocate();

    assertThat(FakeClient.decode(first).messageClass()).isEqualTo(StunClass.SUCCESS_RESPONSE);
    assertThat(again).isEqualTo(first);
    assertThat(errorCode(other)).isEqualTo(437);
    assertThat(other.verifyMessageIntegrity(alice.key())).isTrue();
    assertThat(h.server.allocationCount()).isEqualTo(1);
    assertThat(h.stats.refusals(TurnStats.REASON_ALLOCATION_MISMATCH)).isEqualTo(1);
  }

  @Test
  void allocateWithoutRequestedTransportIs400AndTcpIs442() {
    StunMessage missing = alice.request(StunMethod.ALLOCATE);
    StunMessage tcp = alice.request(StunMethod.ALLOCATE, new RequestedTransport(6));

    assertThat(errorCode(missing)).isEqualTo(400);
    assertThat(errorCode(tcp)).isEqualTo(442);
    assertThat(tcp.verifyMessageIntegrity(alice.key())).isTrue();
    assertThat(h.stats.refusals(TurnStats.REASON_UNSUPPORTED_TRANSPORT)).isEqualTo(1);
    assertThat(h.server.allocationCount()).isZero();
  }

  @Test
  void anAddressFamilyWithoutARelayAddressIs440() {
    StunMessage ipv6 = alice.allocate(new RequestedAddressFamily(RequestedAddressFamily.IPV6));
    StunMessage unknown = alice.allocate(new RequestedAddressFamily(7));

    assertThat(errorCode(ipv6)).isEqualTo(440);
    assertThat(errorCode(unknown)).isEqualTo(440);
    assertThat(h.stats.refusals(TurnStats.REASON_ADDRESS_FAMILY)).isEqualTo(2);
  }

  @Test
  void anIpv6OnlyServerRefusesTheDefaultIpv4FamilyWith440() {
    TurnHarness v6 =
        new TurnHarness(
            TurnHarness.defaultConfig().withRelayAddresses(null, TurnHarness.ip("2001:db8::1")));
    FakeClient c = v6.client("198.51.100.10", 40000);

    assertThat(errorCode(c.allocate())).isEqualTo(440);
    StunMessage ok = c.allocate(new RequestedAddressFamily(RequestedAddressFamily.IPV6));
    assertThat(ok.attribute(XorRelayedAddress.class).orElseThrow().address().getAddress())
        .isEqualTo(TurnHarness.ip("2001:db8::1"));
  }

  @Test
  void additionalIpv6WithoutAnIpv6RelayGivesIpv4AndAnAddressErrorCode() {
    StunMessage r = alice.allocate(new AdditionalAddressFamily(AdditionalAddressFamily.IPV6));

    assertThat(r.messageClass()).isEqualTo(StunClass.SUCCESS_RESPONSE);
    assertThat(r.attribute(AddressErrorCode.class).orElseThrow().code()).isEqualTo(440);
    assertThat(r.attribute(AddressErrorCode.class).orElseThrow().family()).isEqualTo(2);
    assertThat(r.attribute(XorRelayedAddress.class).orElseThrow().address().getAddress())
        .isEqualTo(TurnHarness.RELAY);
  }

  @Test
  void additionalIpv6WithAnIpv6RelayGivesTwoRelayedAddresses() {
    TurnHarness dual =
        new TurnHarness(
            TurnHarness.defaultConfig()
                .withRelayAddresses(TurnHarness.RELAY, TurnHarness.ip("2001:db8::1")));
    FakeClient c = dual.client("198.51.100.10", 40000);

    StunMessage r = c.allocate(new AdditionalAddressFamily(AdditionalAddressFamily.IPV6));

    List<InetSocketAddress> relayed =
        r.attributes().stream()
            .filter(a -> a instanceof XorRelayedAddress)
            .map(a -> ((XorRelayedAddress) a).address())
            .toList();
    assertThat(relayed)
        .extracting(InetSocketAddress::getAddress)
        .containsExactly(TurnHarness.RELAY, TurnHarness.ip("2001:db8::1"));
  }

  @Test
  void conflictingFamilyAttributesAre400() {
    StunMessage both =
        alice.allocate(
            new RequestedAddressFamily(1),
            new AdditionalAddressFamily(AdditionalAddressFamily.IPV6));
    StunMessage additionalIpv4 = alice.allocate(new AdditionalAddressFamily(1));

    assertThat(errorCode(both)).isEqualTo(400);
    assertThat(errorCode(additionalIpv4)).isEqualTo(400);
    assertThat(h.server.allocationCount()).isZero();
  }

  @Test
  void dontFragmentIsAccepted() {
    StunMessage r = alice.allocate(new DontFragment());

    assertThat(r.messageClass()).isEqualTo(StunClass.SUCCESS_RESPONSE);
  }

  @Test
  void evenPortGivesAnEvenPortAndReservesTheNextOneForItsToken() {
    StunMessage first = alice.allocate(new EvenPort(true));
    int port = first.attribute(XorRelayedAddress.class).orElseThrow().address().getPort();
    ReservationToken token = first.attribute(ReservationToken.class).orElseThrow();

    FakeClient bob = h.client("198.51.100.11", 40000).as("bob", "bob-pass");
    StunMessage second = bob.allocate(token);

    assertThat(port % 2).isZero();
    assertThat(second.attribute(XorRelayedAddress.class).orElseThrow().address().getPort())
        .isEqualTo(port + 1);
    // a token is good once
    FakeClient carol = h.client("198.51.100.12", 40000).as("bob", "bob-pass");
    assertThat(errorCode(carol.allocate(token))).isEqualTo(508);
  }

  @Test
  void evenPortWithoutReservationGivesAnEvenPortAndNoToken() {
    StunMessage r = alice.allocate(new EvenPort(false));

    assertThat(r.attribute(XorRelayedAddress.class).orElseThrow().address().getPort() % 2).isZero();
    assertThat(r.attribute(ReservationToken.class)).isEmpty();
  }

  @Test
  void aReservationExpiresAfterThirtySecondsAndFreesThePort() {
    StunMessage first = alice.allocate(new EvenPort(true));
    int port = first.attribute(XorRelayedAddress.class).orElseThrow().address().getPort();
    ReservationToken token = first.attribute(ReservationToken.class).orElseThrow();

    h.advance(Duration.ofSeconds(31));

    FakeClient bob = h.client("198.51.100.11", 40000).as("bob", "bob-pass");
    assertThat(errorCode(bob.allocate(token))).isEqualTo(508);
    h.hub.bind(new InetSocketAddress(TurnHarness.RELAY, port + 1)).close(); // free again
  }

  @Test
  void aTokenWithEvenPortOrAFamilyIs400() {
    ReservationToken token = new ReservationToken(new byte[8]);

    assertThat(errorCode(alice.allocate(token, new EvenPort(false)))).isEqualTo(400);
    assertThat(errorCode(alice.allocate(token, new RequestedAddressFamily(1)))).isEqualTo(400);
  }

  @Test
  void requestedLifetimesAreClampedToTheConfiguredBounds() {
    assertThat(alice.allocate(new Lifetime(10)).attribute(Lifetime.class))
        .contains(new Lifetime(600));
    assertThat(alice.refresh(100_000).attribute(Lifetime.class)).contains(new Lifetime(3600));
    assertThat(alice.refresh(1200).attribute(Lifetime.class)).contains(new Lifetime(1200));
  }

  @Test
  void anUnknownComprehensionRequiredAttributeIs420WithUnknownAttributes() {
    StunMessage r = alice.allocate(new RawAttribute(0x0033, new byte[4]));

    assertThat(errorCode(r)).isEqualTo(420);
    assertThat(r.attribute(UnknownAttributes.class).orElseThrow().types()).containsExactly(0x0033);
    assertThat(r.verifyMessageIntegrity(alice.key())).isTrue();
  }

  @Test
  void aTakenRelayPortIsSkippedAndAFullRangeIs508() {
    TurnHarness small = new TurnHarness(TurnHarness.defaultConfig().withRelayPorts(50000, 50001));
    small.hub.bind(new InetSocketAddress(TurnHarness.RELAY, 50000));
    FakeClient a = small.client("198.51.100.10", 40000);
    FakeClient b = small.client("198.51.100.11", 40000).as("bob", "bob-pass");

    assertThat(a.allocated().getPort()).isEqualTo(50001);
    StunMessage full = b.allocate();

    assertThat(errorCode(full)).isEqualTo(508);
    assertThat(small.stats.refusals(TurnStats.REASON_INSUFFICIENT_CAPACITY)).isEqualTo(1);
    assertThat(small.quotas.usedBy("bob")).isZero();
  }

  @Test
  void bindingRequestsAreAnsweredWithoutCredentials() {
    StunMessage r = alice.plain(StunMethod.BINDING);

    assertThat(r.messageClass()).isEqualTo(StunClass.SUCCESS_RESPONSE);
    assertThat(r.attribute(XorMappedAddress.class).orElseThrow().address())
        .isEqualTo(alice.clientAddress());
  }

  @Test
  void anUnknownMethodIs400() {
    StunMessage r = alice.plain(new StunMethod(0x0FF));

    assertThat(errorCode(r)).isEqualTo(ErrorCode.BAD_REQUEST);
  }
}
