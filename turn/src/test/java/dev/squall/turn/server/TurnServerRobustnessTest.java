package dev.squall.turn.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.squall.stun.StunClass;
import dev.squall.stun.StunMethod;
import dev.squall.stun.attribute.ChannelNumber;
import dev.squall.stun.attribute.Lifetime;
import dev.squall.stun.attribute.RequestedTransport;
import dev.squall.stun.attribute.XorPeerAddress;
import dev.squall.turn.ChannelData;
import dev.squall.turn.server.TurnHarness.Peer;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Hostile input: arbitrary bytes, STUN- and ChannelData-shaped noise, and mutated valid messages
 * from one client never make the server fail (no internal error), and the server keeps serving
 * another client throughout.
 */
class TurnServerRobustnessTest {

  /** One hostile message: a template (or raw bytes) with byte changes and a cut. */
  record Hostile(int template, byte[] raw, List<int[]> changes, int cut) {}

  @Property(tries = 250)
  void hostileMessagesNeverBreakTheServerAndOthersAreStillServed(
      @ForAll("hostile") List<Hostile> messages) {
    TurnHarness h = new TurnHarness();
    Peer peer = h.peer("198.51.100.20", 5000);
    FakeClient good = h.client("198.51.100.10", 40000);
    InetSocketAddress goodRelay = good.allocated();
    good.permit(peer.address());
    FakeClient bad = h.client("198.51.100.11", 40000).as("bob", "bob-pass");
    bad.allocated();
    bad.bind(0x4000, peer.address());
    List<byte[]> templates = templates(bad, peer.address());

    for (Hostile m : messages) {
      bad.raw(mutate(m, templates));
    }
    peer.sendTo(goodRelay, new byte[] {9});
    h.deliver();

    assertThat(h.stats.refusals(TurnStats.REASON_INTERNAL_ERROR)).isZero();
    good.sendIndication(peer.address(), new byte[] {7});
    h.deliver();
    assertThat(peer.data).last().isEqualTo(new byte[] {7});
    assertThat(good.refresh(600).messageClass()).isEqualTo(StunClass.SUCCESS_RESPONSE);
    FakeClient late = h.client("198.51.100.12", 40000);
    assertThat(late.allocate().messageClass()).isEqualTo(StunClass.SUCCESS_RESPONSE);
  }

  @Test
  void oversizedTruncatedAndGarbageMessagesAreDroppedAndCounted() {
    TurnHarness h = new TurnHarness();
    FakeClient c = h.client("198.51.100.10", 40000);
    byte[] allocate =
        c.builder(StunMethod.ALLOCATE).add(new RequestedTransport(17)).build().encode();

    c.raw(new byte[h.config.maxMessageSize() + 1]);
    c.raw(Arrays.copyOf(allocate, allocate.length - 2));
    c.raw(new byte[] {(byte) 0xC0, 1, 2, 3});
    c.raw(new byte[] {0x40, 0x00, 0x00, 0x10, 1}); // ChannelData shorter than its length
    c.raw(new byte[0]);

    assertThat(c.received).isEmpty();
    assertThat(h.stats.malformedDropped()).isEqualTo(5);
    assertThat(c.allocate().messageClass()).isEqualTo(StunClass.SUCCESS_RESPONSE);
  }

  @Test
  void aBadFingerprintIsDroppedWithoutAnAnswer() {
    TurnHarness h = new TurnHarness();
    FakeClient c = h.client("198.51.100.10", 40000);
    byte[] allocate =
        c.builder(StunMethod.ALLOCATE)
            .add(new RequestedTransport(17))
            .addFingerprint()
            .build()
            .encode();
    allocate[allocate.length - 1] ^= 1;

    c.raw(allocate);

    assertThat(c.received).isEmpty();
    assertThat(h.stats.malformedDropped()).isEqualTo(1);
  }

  @Test
  void responsesAndIndicationsOtherThanSendAreNeverAnswered() {
    TurnHarness h = new TurnHarness();
    FakeClient c = h.client("198.51.100.10", 40000);
    c.allocated();
    int before = c.received.size();

    c.raw(
        dev.squall.stun.StunMessage.builder(
                new dev.squall.stun.StunMessageType(StunMethod.REFRESH, StunClass.INDICATION),
                dev.squall.stun.TransactionId.random(h.random()))
            .add(new Lifetime(0))
            .build()
            .encode());
    c.raw(
        dev.squall.stun.StunMessage.builder(
                new dev.squall.stun.StunMessageType(
                    StunMethod.ALLOCATE, StunClass.SUCCESS_RESPONSE),
                dev.squall.stun.TransactionId.random(h.random()))
            .build()
            .encode());

    assertThat(c.received).hasSize(before);
    assertThat(h.server.allocationCount()).isEqualTo(1);
  }

  private static List<byte[]> templates(FakeClient bad, InetSocketAddress peer) {
    return List.of(
        bad.signed(StunMethod.ALLOCATE, new RequestedTransport(17)).encode(),
        bad.signed(StunMethod.REFRESH, new Lifetime(600)).encode(),
        bad.signed(StunMethod.CREATE_PERMISSION, new XorPeerAddress(peer)).encode(),
        bad.signed(StunMethod.CHANNEL_BIND, new ChannelNumber(0x4000), new XorPeerAddress(peer))
            .encode(),
        sendIndication(bad, peer),
        ChannelData.encode(0x4000, new byte[] {1, 2, 3, 4, 5}, 0, 5, false),
        bad.builder(StunMethod.BINDING).addFingerprint().build().encode());
  }

  private static byte[] sendIndication(FakeClient c, InetSocketAddress peer) {
    byte[] m =
        dev.squall.stun.StunMessage.builder(
                new dev.squall.stun.StunMessageType(StunMethod.SEND, StunClass.INDICATION),
                dev.squall.stun.TransactionId.random(new java.util.Random(1)))
            .add(new XorPeerAddress(peer))
            .add(new dev.squall.stun.attribute.Data(new byte[] {1, 2, 3}))
            .addFingerprint()
            .build()
            .encode();
    return m;
  }

  private static byte[] mutate(Hostile h, List<byte[]> templates) {
    byte[] base = h.template() < 0 ? h.raw() : templates.get(h.template() % templates.size());
    byte[] m = Arrays.copyOf(base, base.length);
    for (int[] change : h.changes()) {
      if (m.length > 0) {
        m[change[0] % m.length] = (byte) change[1];
      }
    }
    int cut = h.cut() <= 0 ? m.length : Math.min(m.length, h.cut());
    return Arrays.copyOf(m, cut);
  }

  @Provide
  Arbitrary<List<Hostile>> hostile() {
    Arbitrary<byte[]> noise = Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
    Arbitrary<byte[]> stunLike =
        Combinators.combine(
                Arbitraries.integers().between(0, 0x3FFF),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(80))
            .as(
                (type, body) -> {
                  int length = body.length & ~3;
                  byte[] m = new byte[20 + length];
                  m[0] = (byte) (type >>> 8);
                  m[1] = type.byteValue();
                  m[2] = (byte) (length >>> 8);
                  m[3] = (byte) length;
                  m[4] = 0x21;
                  m[5] = 0x12;
                  m[6] = (byte) 0xA4;
                  m[7] = 0x42;
                  System.arraycopy(body, 0, m, 20, length);
                  return m;
                });
    Arbitrary<byte[]> channelLike =
        Arbitraries.bytes()
            .array(byte[].class)
            .ofMinSize(1)
            .ofMaxSize(40)
            .map(
                b -> {
                  b[0] = (byte) (0x40 | (b[0] & 0x0F));
                  return b;
                });
    Arbitrary<int[]> change =
        Combinators.combine(
                Arbitraries.integers().between(0, 10_000), Arbitraries.integers().between(0, 255))
            .as((pos, value) -> new int[] {pos, value});
    Arbitrary<Hostile> mutated =
        Combinators.combine(
                Arbitraries.integers().between(0, 6),
                change.list().ofMaxSize(4),
                Arbitraries.integers().between(-50, 200))
            .as((t, changes, cut) -> new Hostile(t, null, changes, cut));
    Arbitrary<Hostile> raw =
        Arbitraries.oneOf(noise, stunLike, channelLike).map(b -> new Hostile(-1, b, List.of(), 0));
    return Arbitraries.oneOf(raw, mutated).list().ofMinSize(1).ofMaxSize(20);
  }
}
