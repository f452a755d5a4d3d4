package dev.squall.server.internal.turn;

import dev.squall.net.AbstractDatagramTransport;
import dev.squall.net.EventLoopScheduler;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.ReflectiveChannelFactory;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.SocketProtocolFamily;
import java.io.IOException;
import java.net.BindException;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TURN relay socket: a Netty UDP channel on one given event loop, as a {@link
 * dev.squall.net.DatagramTransport} whose callbacks run on that loop. Unlike {@link
 * dev.squall.net.UdpTransport} it binds synchronously, also from inside the loop (the TURN core
 * binds while it handles an Allocate request on that very loop), and its sends are flushed once per
 * loop turn by the shard's {@link LoopFlusher}.
 *
 * <p>A send is dropped, and counted in {@link #sendDrops()}, when the channel's outbound buffer is
 * above its high-water mark or the transport is closed.
 */
public final class NettyRelayTransport extends AbstractDatagramTransport {

  /** Largest datagram read whole: any UDP datagram a peer can send (RFC 8656 relays them all). */
  static final int MAX_DATAGRAM = 65535;

  /**
   * The relay socket's receive buffer: 512 KiB (the kernel's default is about 208 KiB, some 90
   * full-size datagrams), so a peer's burst survives a few milliseconds in which the loop is busy
   * elsewhere. Memory is only taken while datagrams wait.
   */
  static final int RECEIVE_BUFFER = 512 << 10;

  /** Datagrams read per readiness event before the loop moves on. */
  static final int DATAGRAMS_PER_READ = 32;

  private final DatagramChannel channel;
  private final InetSocketAddress localAddress;
  private final LoopFlusher flusher;
  private final AtomicLong sendDrops = new AtomicLong();

  private NettyRelayTransport(DatagramChannel channel, LoopFlusher flusher) {
    super(new EventLoopScheduler(channel.eventLoop()));
    this.channel = channel;
    this.flusher = flusher;
    this.localAddress = (InetSocketAddress) channel.localAddress();
    channel.closeFuture().addListener(f -> closed());
  }

  /**
   * Binds a UDP socket to {@code local} on {@code loop}. May be called on the loop itself.
   *
   * @throws BindException when the address is taken
   * @throws IOException for other failures
   */
  public static NettyRelayTransport bind(
      EventLoop loop,
      Class<? extends DatagramChannel> type,
      InetSocketAddress local,
      LoopFlusher flusher)
      throws IOException {
    Objects.requireNonNull(local, "local");
    DatagramChannel ch = newChannel(type, local);
    ch.config().setAutoRead(false);
    ch.config().setOption(ChannelOption.SO_RCVBUF, RECEIVE_BUFFER);
    ch.config()
        .setRecvByteBufAllocator(
            new FixedRecvByteBufAllocator(MAX_DATAGRAM)
                .respectMaybeMoreData(false)
                .maxMessagesPerRead(DATAGRAMS_PER_READ));
    ch.config()
        .setOption(
            ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(256 << 10, 512 << 10));
    Receiver receiver = new Receiver();
    ch.pipeline().addLast(receiver);
    try {
      await(loop.register(ch), loop);
      await(ch.bind(local), loop);
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
    NettyRelayTransport transport = new NettyRelayTransport(ch, flusher);
    receiver.transport = transport;
    return transport;
  }

  /**
   * A channel of {@code type} with a socket of the local address's family: an IPv4 relay gets an
   * {@code AF_INET} socket rather than a dual-stack IPv6 one, which spares every datagram the
   * v4-mapped address translation. Falls back to the type's default socket.
   */
  private static DatagramChannel newChannel(
      Class<? extends DatagramChannel> type, InetSocketAddress local) {
    SocketProtocolFamily family =
        local.getAddress() instanceof Inet4Address
            ? SocketProtocolFamily.INET
            : SocketProtocolFamily.INET6;
    try {
      return type.getConstructor(SocketProtocolFamily.class).newInstance(family);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return new ReflectiveChannelFactory<>(type).newChannel();
    }
  }

  /** Waits for an operation; on the loop itself it must already be done (Netty runs it inline). */
  private static void await(ChannelFuture f, EventLoop loop) throws IOException {
    if (!f.isDone()) {
      if (loop.inEventLoop()) {
        throw new IOException("relay socket setup did not complete inline on the event loop");
      }
      f.awaitUninterruptibly();
    }
    Throwable cause = f.cause();
    if (cause == null) {
      return;
    }
    if (cause instanceof BindException b) {
      throw b;
    }
    if (String.valueOf(cause.getMessage()).contains("in use")) {
      BindException b = new BindException(cause.getMessage());
      b.initCause(cause);
      throw b;
    }
    throw cause instanceof IOException io ? io : new IOException(cause);
  }

  @Override
  public void send(InetSocketAddress to, byte[] data) {
    send(to, data, 0, data.length);
  }

  /** Sends the buffer's remaining bytes (copied once, straight into the socket's buffer). */
  @Override
  public void send(InetSocketAddress to, ByteBuffer data) {
    if (isClosed() || !channel.isWritable()) {
      sendDrops.incrementAndGet();
      return;
    }
    ByteBuf buf = channel.alloc().directBuffer(data.remaining());
    buf.writeBytes(data.duplicate());
    channel.write(new DatagramPacket(buf, Objects.requireNonNull(to, "to")), channel.voidPromise());
    flusher.flushLater(channel);
  }

  /** Sends {@code data[offset, offset + length)} as one datagram to {@code to}. */
  public void send(InetSocketAddress to, byte[] data, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, data.length);
    if (isClosed() || !channel.isWritable()) {
      sendDrops.incrementAndGet();
      return;
    }
    ByteBuf buf = channel.alloc().directBuffer(length);
    buf.writeBytes(data, offset, length);
    channel.write(new DatagramPacket(buf, Objects.requireNonNull(to, "to")), channel.voidPromise());
    flusher.flushLater(channel);
  }

  @Override
  public InetSocketAddress localAddress() {
    return localAddress;
  }

  /** Datagrams dropped on send: outbound buffer full or closed. */
  public long sendDrops() {
    return sendDrops.get();
  }

  @Override
  protected void handlerInstalled() {
    if (channel.eventLoop().inEventLoop()) {
      channel.config().setAutoRead(true);
    } else {
      channel.eventLoop().execute(() -> channel.config().setAutoRead(true));
    }
  }

  @Override
  protected void doClose() {
    channel.close();
  }

  /** Copies each datagram out of Netty's buffer and delivers it on the loop. */
  private static final class Receiver extends SimpleChannelInboundHandler<DatagramPacket> {
    NettyRelayTransport transport;

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
      NettyRelayTransport t = transport;
      if (t == null) {
        return;
      }
      ByteBuf content = packet.content();
      byte[] data = new byte[content.readableBytes()];
      content.getBytes(content.readerIndex(), data);
      t.deliver(packet.sender(), data);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      // ICMP port unreachable from a peer and the like: UDP is best effort, the socket stays open
    }
  }
}
