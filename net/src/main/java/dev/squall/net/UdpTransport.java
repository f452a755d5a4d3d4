package dev.squall.net;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.RecvByteBufAllocator;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link DatagramTransport} on a real UDP socket: one Netty datagram channel bound to a local
 * address (port 0 picks a free port). Datagrams are delivered on the channel's event loop, which is
 * also {@link #scheduler()}.
 *
 * <p>{@link #send} may be called from any thread. A datagram is dropped, and counted in {@link
 * #sendDrops()}, when the channel's outbound buffer is above its high-water mark or the write
 * fails; UDP promises nothing more. Reading starts when the receive handler is set, so nothing is
 * lost between bind and {@link #onReceive} (the kernel buffers it).
 */
public final class UdpTransport extends AbstractDatagramTransport {

  /** Most datagrams read from the socket before other work on the event loop runs. */
  static final int DATAGRAMS_PER_READ = 32;

  private final Channel channel;
  private final InetSocketAddress localAddress;
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong received = new AtomicLong();
  private final AtomicLong sendDrops = new AtomicLong();
  private final AtomicLong errors = new AtomicLong();

  private UdpTransport(Channel channel) {
    super(new EventLoopScheduler(channel.eventLoop()));
    this.channel = channel;
    this.localAddress = (InetSocketAddress) channel.localAddress();
    channel.closeFuture().addListener(f -> closed());
  }

  /** Binds with {@link UdpOptions#defaults()} (NIO: {@code group} must be an NIO group). */
  public static CompletableFuture<UdpTransport> bind(
      EventLoopGroup group, InetSocketAddress local) {
    return bind(group, local, UdpOptions.defaults());
  }

  /** Binds a new socket to {@code local} on one of {@code group}'s event loops. */
  public static CompletableFuture<UdpTransport> bind(
      EventLoopGroup group, InetSocketAddress local, UdpOptions options) {
    Objects.requireNonNull(local, "local");
    CompletableFuture<UdpTransport> result = new CompletableFuture<>();
    Receiver receiver = new Receiver();
    Bootstrap bootstrap =
        new Bootstrap()
            .group(group)
            .channel(options.channelType())
            .option(ChannelOption.AUTO_READ, false)
            .option(ChannelOption.RCVBUF_ALLOCATOR, receiveAllocator(options))
            .handler(receiver);
    if (options.receiveBufferSize() > 0) {
      bootstrap.option(ChannelOption.SO_RCVBUF, options.receiveBufferSize());
    }
    if (options.sendBufferSize() > 0) {
      bootstrap.option(ChannelOption.SO_SNDBUF, options.sendBufferSize());
    }
    ChannelFuture bound = bootstrap.bind(local);
    bound.addListener(
        f -> {
          if (f.isSuccess()) {
            UdpTransport transport = new UdpTransport(bound.channel());
            receiver.transport = transport;
            result.complete(transport);
          } else {
            result.completeExceptionally(f.cause());
          }
        });
    return result;
  }

  /**
   * Reads up to {@link #DATAGRAMS_PER_READ} datagrams per readiness event. Netty's default for an
   * allocator set by option is one, and a datagram shorter than the buffer counts as "no more
   * data": both would end the read after each datagram and cost a selector round per packet.
   */
  private static RecvByteBufAllocator receiveAllocator(UdpOptions options) {
    return new FixedRecvByteBufAllocator(options.maxDatagramSize())
        .respectMaybeMoreData(false)
        .maxMessagesPerRead(DATAGRAMS_PER_READ);
  }

  @Override
  public void send(InetSocketAddress to, byte[] data) {
    send(to, data, 0, data.length);
  }

  @Override
  public void send(InetSocketAddress to, ByteBuffer data) {
    if (!admit()) {
      return;
    }
    ByteBuf buf = channel.alloc().buffer(data.remaining());
    buf.writeBytes(data.duplicate());
    write(to, buf);
  }

  /** Sends {@code length} bytes of {@code data} from {@code offset} as one datagram. */
  public void send(InetSocketAddress to, byte[] data, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, data.length);
    if (!admit()) {
      return;
    }
    ByteBuf buf = channel.alloc().buffer(length);
    buf.writeBytes(data, offset, length);
    write(to, buf);
  }

  @Override
  public InetSocketAddress localAddress() {
    return localAddress;
  }

  /** Datagrams handed to the socket. */
  public long datagramsSent() {
    return sent.get();
  }

  /** Datagrams received from the socket. */
  public long datagramsReceived() {
    return received.get();
  }

  /** Datagrams dropped on send: outbound buffer full or write failed. */
  public long sendDrops() {
    return sendDrops.get();
  }

  /**
   * Exceptions caught on the channel: socket errors (such as ICMP port unreachable) and exceptions
   * thrown by the receive handler. The socket stays open.
   */
  public long errors() {
    return errors.get();
  }

  @Override
  protected void handlerInstalled() {
    channel.config().setAutoRead(true);
  }

  @Override
  protected void doClose() {
    channel.close();
  }

  private boolean admit() {
    if (isClosed()) {
      return false;
    }
    if (!channel.isWritable()) {
      sendDrops.incrementAndGet();
      return false;
    }
    return true;
  }

  private void write(InetSocketAddress to, ByteBuf buf) {
    channel
        .writeAndFlush(new DatagramPacket(buf, Objects.requireNonNull(to, "to")))
        .addListener(
            f -> {
              if (f.isSuccess()) {
                sent.incrementAndGet();
              } else {
                sendDrops.incrementAndGet();
              }
            });
  }

  /** Copies each datagram out of Netty's buffer and delivers it on the event loop. */
  private static final class Receiver extends SimpleChannelInboundHandler<DatagramPacket> {
    volatile UdpTransport transport;

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
      UdpTransport t = transport;
      if (t == null) {
        return;
      }
      ByteBuf content = packet.content();
      byte[] data = new byte[content.readableBytes()];
      content.getBytes(content.readerIndex(), data);
      t.received.incrementAndGet();
      t.deliver(packet.sender(), data);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      // ICMP errors and handler bugs: counted; UDP is best effort and the socket stays usable.
      UdpTransport t = transport;
      if (t != null) {
        t.errors.incrementAndGet();
      }
    }
  }
}
