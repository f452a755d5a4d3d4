package dev.squall.server.internal.turn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.squall.stun.StunClass;
import dev.squall.stun.StunMessage;
import dev.squall.stun.StunMessageType;
import dev.squall.stun.StunMethod;
import dev.squall.stun.TransactionId;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

class TurnRoutingTest {

  static byte[] message(StunMethod method, StunClass c) {
    return StunMessage.builder(new StunMessageType(method, c), TransactionId.random())
        .build()
        .encode();
  }

  @Test
  void bindingStaysWithTheStunServerInEveryClass() {
    for (StunClass c : StunClass.values()) {
      byte[] m = message(StunMethod.BINDING, c);
      assertThat(TurnRouting.isTurn(m, 0, m.length)).as("%s", c).isFalse();
      assertThat(TurnRouting.isTurn(Unpooled.wrappedBuffer(m))).isFalse();
    }
  }

  @Test
  void everyTurnMethodAndChannelDataGoToTurn() {
    for (StunMethod method :
        new StunMethod[] {
          StunMethod.ALLOCATE,
          StunMethod.REFRESH,
          StunMethod.SEND,
          StunMethod.CREATE_PERMISSION,
          StunMethod.CHANNEL_BIND
        }) {
      byte[] m =
          message(method, method == StunMethod.SEND ? StunClass.INDICATION : StunClass.REQUEST);
      assertThat(TurnRouting.isTurn(m, 0, m.length)).as("%s", method).isTrue();
      assertThat(TurnRouting.isTurn(Unpooled.wrappedBuffer(m))).isTrue();
    }
    assertThat(TurnRouting.isTurn(new byte[] {0x40, 0x00, 0, 0}, 0, 4)).isTrue();
    assertThat(TurnRouting.isTurn(new byte[] {0x4F, (byte) 0xFF, 0, 0}, 0, 4)).isTrue();
    // RFC 5766 channels (up to 0x7FFF), which older clients still use: the core judges them
    assertThat(TurnRouting.isTurn(new byte[] {0x68, 0x6C, 0, 0}, 0, 4)).isTrue();
  }

  @Test
  void neitherStunNorChannelDataStaysWithTheStunServer() {
    assertThat(TurnRouting.isTurn(new byte[] {(byte) 0x80, 1, 0, 0}, 0, 4)).isFalse();
    assertThat(TurnRouting.isTurn(new byte[] {(byte) 0xC0, 1}, 0, 2)).isFalse();
    assertThat(TurnRouting.isTurn(new byte[] {0x40}, 0, 1)).isFalse();
    assertThat(TurnRouting.isTurn(new byte[0], 0, 0)).isFalse();
  }
}
