package dev.squall.bench;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.concurrent.ThreadLocalRandom;

/** One STUN Binding round trip over UDP, used to tell when a server under test is ready. */
public final class StunProbe {
  private StunProbe() {}

  /** True when {@code target} answers a Binding request with a success response in 300 ms. */
  public static boolean answers(InetSocketAddress target) {
    byte[] request = new byte[20];
    ByteBuffer b = ByteBuffer.wrap(request);
    b.putShort((short) 0x0001).putShort((short) 0).putInt(0x2112A442);
    byte[] txId = new byte[12];
    ThreadLocalRandom.current().nextBytes(txId);
    b.put(txId);
    try (DatagramSocket socket = new DatagramSocket()) {
      socket.setSoTimeout(300);
      socket.send(new DatagramPacket(request, request.length, target));
      byte[] buf = new byte[1500];
      DatagramPacket response = new DatagramPacket(buf, buf.length);
      socket.receive(response);
      ByteBuffer r = ByteBuffer.wrap(buf, 0, response.getLength());
      return response.getLength() >= 20
          && r.getShort(0) == 0x0101
          && ByteBuffer.wrap(buf, 8, 12).equals(ByteBuffer.wrap(txId));
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return false;
    }
  }
}
