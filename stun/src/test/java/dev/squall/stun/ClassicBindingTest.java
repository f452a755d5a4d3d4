package dev.squall.stun;

import static org.assertj.core.api.Assertions.assertThat;

import dev.squall.stun.StunServerResult.Outcome;
import dev.squall.util.ByteReader;
import dev.squall.util.ByteWriter;
import java.net.InetSocketAddress;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** RFC 3489 clients (no magic cookie), such as Debian's {@code stun} client, get answers too. */
class ClassicBindingTest {

  private static final InetSocketAddress SOURCE = new InetSocketAddress("192.0.2.7", 40000);
  private final StunBindingServer server = new StunBindingServer("Squall");

  private static byte[] classicRequest(int... attributes) {
    ByteWriter w = new ByteWriter().putU16(0x0001).putU16(attributes.length / 2 * 8);
    for (int i = 0; i < 16; i++) {
      w.putU8(0xA0 + i); // 128-bit transaction id, no cookie
    }
    for (int i = 0; i < attributes.length; i += 2) {
      w.putU16(attributes[i]).putU16(4).putI32(attributes[i + 1]);
    }
    return w.toByteArray();
  }

  @Test
  void answersWithMappedAddressAndEchoesTheWholeId() {
    byte[] request = classicRequest(0x0003, 0); // CHANGE-REQUEST without flags, as stun sends it
    StunServerResult result = server.handle(request, 0, request.length, SOURCE);

    assertThat(result.outcome()).isEqualTo(Outcome.BINDING_SUCCESS);
    byte[] response = result.response();
    ByteReader r = new ByteReader(response);
    assertThat(r.readU16()).isEqualTo(0x0101);
    assertThat(r.readU16()).isEqualTo(response.length - 20);
    assertThat(r.readBytes(16)).isEqualTo(Arrays.copyOfRange(request, 4, 20));
    assertThat(r.readU16()).isEqualTo(0x0001); // MAPPED-ADDRESS
    assertThat(r.readU16()).isEqualTo(8);
    assertThat(r.readU16()).isEqualTo(1); // IPv4
    assertThat(r.readU16()).isEqualTo(40000);
    assertThat(r.readBytes(4)).containsExactly(192, 0, 2, 7);
    assertThat(r.readU16()).isEqualTo(0x8022); // SERVER
    assertThat(r.readUtf8(r.readU16())).isEqualTo("Squall");
  }

  @Test
  void refusesToChangeAddressOrPort() {
    byte[] request = classicRequest(0x0003, 0x06);
    StunServerResult result = server.handle(request, 0, request.length, SOURCE);

    assertThat(result.outcome()).isEqualTo(Outcome.UNKNOWN_ATTRIBUTE_ERROR);
    ByteReader r = new ByteReader(result.response());
    assertThat(r.readU16()).isEqualTo(0x0111);
    r.skip(18);
    assertThat(r.readU16()).isEqualTo(0x0009); // ERROR-CODE 420
    int length = r.readU16();
    ByteReader code = r.slice((length + 3) & ~3);
    code.skip(2);
    assertThat(code.readU8() * 100 + code.readU8()).isEqualTo(420);
    assertThat(r.readU16()).isEqualTo(0x000A); // UNKNOWN-ATTRIBUTES, padded to an even count
    assertThat(r.readU16()).isEqualTo(4);
    assertThat(r.readU16()).isEqualTo(0x0003);
  }

  @Test
  void refusesResponseAddressWhichWouldReflectTraffic() {
    byte[] request = classicRequest(0x0002, 0x0001_1234);
    assertThat(server.handle(request, 0, request.length, SOURCE).outcome())
        .isEqualTo(Outcome.UNKNOWN_ATTRIBUTE_ERROR);
  }

  @Test
  void dropsMalformedClassicRequests() {
    byte[] request = classicRequest(0x0003, 0);
    request[23] = 40; // attribute length beyond the message
    assertThat(server.handle(request, 0, request.length, SOURCE).outcome())
        .isEqualTo(Outcome.DROPPED_MALFORMED);
    byte[] response = classicRequest();
    response[0] = 0x01; // type 0x0101: a classic Binding response is never answered
    assertThat(server.handle(response, 0, response.length, SOURCE).outcome())
        .isEqualTo(Outcome.DROPPED_NOT_STUN);
  }
}
