package dev.squall.net;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPromise;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.RecvByteBufAllocator;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.unix.Errors;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link DatagramTransport} on a real UDP socket: one Netty datagram channel bound to a local
 * address (port 0 picks a free port). Datagrams are delivered on the channel's event loop, which is
 * also {@link #scheduler()}.
 *
 * <p>{@link #send} may be called from any thread. On the event loop, datagrams are written at once
 * and flushed once per loop turn (an {@link OutboundBatch}): the native epoll transport sends a
 * turn's datagrams with one {@code sendmmsg}, and with {@link UdpOptions#segmentationOffload()}
 * runs of equal-size datagrams as one segmented send (UDP GSO). From other threads each datagram is
 * written and flushed by itself. A datagram is dropped, and counted in {@link #sendDrops()}, when
 * the channel's outbound buffer is above its high-water mark or the write fails; UDP promises
 * nothing more.
 *
 * <p>Reading starts when the receive handler is set, so nothing is lost between bind and {@link
 * #onReceive} (the kernel buffers it). Each readiness event reads up to {@link #DATAGRAMS_PER_READ}
 * datagrams before other work on the loop runs; with epoll they come in one {@code recvmmsg}, and
 * with {@link UdpOptions#receiveOffload()} the kernel may hand over runs of datagrams in one piece
 * (UDP GRO), split again here.
 */
public final class UdpTransport extends AbstractDatagramTransport {

  /** Most datagrams read from the socket before other work on the event loop runs. */
  static final int DATAGRAMS_PER_READ = 32;

  /** Bytes of the buffer one batched ({@code recvmmsg}) read fills, at most. */
  static final int READ_BUFFER_BYTES = 256 * 1024;

  /** Outbound buffer bounds (bytes): a turn's batch is written before it is flushed. */
  static final WriteBufferWaterMark WATER_MARK = new WriteBufferWaterMark(1 << 20, 2 << 20);

  private static final Logger LOG = LoggerFactory.getLogger(UdpTransport.class);

  private final Channel channel;
  private final OutboundBatch batch;
  private final boolean receiveOffload;
  private final InetSocketAddress localAddress;
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong received = new AtomicLong();
  private final AtomicLong sendDrops = new AtomicLong();
  private final AtomicLong errors = new AtomicLong();

  private UdpTransport(Channel channel, boolean segmentation, boolean receiveOffload) {
    super(new EventLoopScheduler(channel.eventLoop()));
    this.channel = channel;
    this.localAddress = (InetSocketAddress) channel.localAddress();
    this.receiveOffload = receiveOffload;
    this.batch =
        new OutboundBatch(
            channel,
            channel.eventLoop(),
            segmentation,
            new OutboundBatch.Outcome() {
              @Override
              public void sent(int datagrams) {
                sent.addAndGet(datagrams);
              }

              @Override
              public void dropped(int datagrams) {
                sendDrops.addAndGet(datagrams);
              }
            });
    channel.closeFuture().addListener(f -> closed());
  }

  /** Binds with {@link UdpOptions#defaults()}: the channel type that matches {@code group}. */
  public static CompletableFuture<UdpTransport> bind(
      EventLoopGroup group, InetSocketAddress local) {
    return bind(group, local, UdpOptions.defaults());
  }

  /** Binds a new socket to {@code local} on one of {@code group}'s event loops. */
  public static CompletableFuture<UdpTransport> bind(
      EventLoopGroup group, InetSocketAddress local, UdpOptions options) {
    Objects.requireNonNull(local, "local");
    Class<? extends DatagramChannel> type =
        options.channelType() != null ? options.channelType() : EventLoops.datagramChannel(group);
    boolean epoll =
        EventLoops.epollAvailable() && EpollDatagramChannel.class.isAssignableFrom(type);
    CompletableFuture<UdpTransport> result = new CompletableFuture<>();
    Receiver receiver = new Receiver();
    Bootstrap bootstrap =
        new Bootstrap()
            .group(group)
            .channel(type)
            .option(ChannelOption.AUTO_READ, false)
            .option(ChannelOption.WRITE_BUFFER_WATER_MARK, WATER_MARK)
            .handler(receiver);
    if (!epoll) {
      bootstrap.option(
          ChannelOption.RCVBUF_ALLOCATOR, receiveAllocator(options.maxDatagramSize(), 1));
    }
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
            Channel channel = bound.channel();
            boolean gro = epoll && options.receiveOffload() && enableGro(channel);
            if (gro) {
              // Netty's recvmmsg passes no control buffer, so the segment size of a GRO run
              // would be lost: read one run per recvmsg, into a slot that holds a whole run
              configureBatchedReads(channel, 65535, 1);
            } else if (epoll) {
              int slot = options.maxDatagramSize();
              configureBatchedReads(
                  channel, slot, Math.min(DATAGRAMS_PER_READ, READ_BUFFER_BYTES / slot));
            }
            boolean gso =
                epoll
                    && options.segmentationOffload()
                    && EpollDatagramChannel.isSegmentedDatagramPacketSupported();
            UdpTransport transport = new UdpTransport(channel, gso, gro);
            receiver.transport = transport;
            result.complete(transport);
          } else {
            result.completeExceptionally(bindFailure(f.cause(), local));
          }
        });
    return result;
  }

  /** Linux's EADDRINUSE: the native transport reports it as a plain I/O error. */
  private static final int EADDRINUSE = 98;

  /** The address taken reads as a {@link BindException}, as with NIO. */
  private static Throwable bindFailure(Throwable cause, InetSocketAddress local) {
    if (cause instanceof Errors.NativeIoException e && e.expectedErr() == -EADDRINUSE) {
      BindException bind = new BindException("Address already in use: " + local);
      bind.addSuppressed(e);
      return bind;
    }
    return cause;
  }

  /**
   * Epoll reads {@code slots} datagrams per system call ({@code recvmmsg}; {@code recvmsg} for one)
   * into one buffer of equal slots, each as large as the largest datagram taken whole.
   */
  private static void configureBatchedReads(Channel channel, int slot, int slots) {
    channel.config().setOption(EpollChannelOption.MAX_DATAGRAM_PAYLOAD_SIZE, slot);
    channel.config().setRecvByteBufAllocator(receiveAllocator(slot, Math.max(1, slots)));
  }

  /** Turns UDP GRO on; false (logged at debug level) where the kernel lacks it. */
  private static boolean enableGro(Channel channel) {
    try {
      channel.config().setOption(EpollChannelOption.UDP_GRO, true);
      return Boolean.TRUE.equals(channel.config().getOption(EpollChannelOption.UDP_GRO));
    } catch (RuntimeException e) {
      LOG.debug("UDP GRO unavailable on {}: {}", channel.localAddress(), e.toString());
      return false;
    }
  }

  /**
   * Reads up to {@link #DATAGRAMS_PER_READ} datagrams per readiness event, {@code slots} at a time.
   * Netty's default for an allocator set by option is one, and a datagram shorter than the buffer
   * counts as "no more data": both would end the read after each datagram and cost a selector round
   * per packet.
   */
  private static RecvByteBufAllocator receiveAllocator(int slot, int slots) {
    return new FixedRecvByteBufAllocator(slot * slots)
        .respectMaybeMoreData(false)
        .maxMessagesPerRead(DATAGRAMS_PER_READ);
  }

  @Override
  public void send(InetSocketAddress to, byte[] data) {
    send(to, data, 0, data.length);
  }

  @Override
  public void send(InetSocketAddress to, ByteBuffer data) {
    Objects.requireNonNull(to, "to");
    if (!admit()) {
      return;
    }
    if (channel.eventLoop().inEventLoop()) {
      batch.add(to, data);
      return;
    }
    ByteBuf buf = channel.alloc().directBuffer(data.remaining());
    buf.writeBytes(data.duplicate());
    writeAndFlush(to, buf);
  }

  /** Sends {@code length} bytes of {@code data} from {@code offset} as one datagram. */
  public void send(InetSocketAddress to, byte[] data, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, data.length);
    Objects.requireNonNull(to, "to");
    if (!admit()) {
      return;
    }
    if (channel.eventLoop().inEventLoop()) {
      batch.add(to, data, offset, length);
      return;
    }
    ByteBuf buf = channel.alloc().directBuffer(length);
    buf.writeBytes(data, offset, length);
    writeAndFlush(to, buf);
  }

  /** True when the socket runs on native epoll (batched reads and writes). */
  public boolean isEpoll() {
    return channel instanceof EpollDatagramChannel;
  }

  /** True while runs of equal-size datagrams are sent segmented (UDP GSO). */
  public boolean segmentationOffload() {
    return batch.segmenting();
  }

  /** True when the kernel may hand over received runs of datagrams in one piece (UDP GRO). */
  public boolean receiveOffload() {
    return receiveOffload;
  }

  /** Segmented sends made so far (read on the event loop): each carried several datagrams. */
  public long segmentedSends() {
    return batch.segmentedSends();
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
    // datagrams sent in this loop turn (a DTLS close_notify, an SCTP ABORT) still go out
    if (channel.eventLoop().inEventLoop()) {
      flushAndClose();
      return;
    }
    try {
      channel.eventLoop().execute(this::flushAndClose);
    } catch (RejectedExecutionException e) {
      channel.close(); // the loop is shutting down: nothing waits to be flushed
    }
  }

  private void flushAndClose() {
    batch.flush();
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

  /** From another thread: the datagram is written and flushed by itself, in a task on the loop. */
  private void writeAndFlush(InetSocketAddress to, ByteBuf buf) {
    // the listener is on the promise before the write: it then runs on the loop as the write ends
    ChannelPromise written = channel.newPromise();
    written.addListener(
        f -> {
          if (f.isSuccess()) {
            sent.incrementAndGet();
          } else {
            sendDrops.incrementAndGet();
          }
        });
    channel.writeAndFlush(new DatagramPacket(buf, to), written);
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
