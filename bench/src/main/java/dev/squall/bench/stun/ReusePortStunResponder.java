package dev.squall.bench.stun;

import dev.squall.stun.StunBindingServer;
import dev.squall.stun.StunServerResult;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.socket.DatagramPacket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * An experiment, not a product: the same sans-I/O {@link StunBindingServer} as the Squall server,
 * behind the UDP path proposed for it in docs/benchmarks.md — one epoll datagram socket per event
 * loop on the same port ({@code SO_REUSEPORT}) with 4 MiB socket buffers (as coturn sets them),
 * {@code recvmmsg} batches, responses written per datagram and flushed once per read batch ({@code
 * sendmmsg}), no per-packet metrics lookup. {@link StunBench} runs it as a third server ({@code
 * --servers squall,coturn,proposed}) to show what the I/O path alone is worth.
 */
@Command(name = "reuseport-stun", mixinStandardHelpOptions = true)
public final class ReusePortStunResponder implements Callable<Integer> {
  @Option(names = "--port", required = true)
  int port;

  @Option(names = "--threads", defaultValue = "2", description = "event loops = sockets")
  int threads;

  @Option(
      names = "--socket-buffer",
      defaultValue = "4194304",
      description = "SO_RCVBUF and SO_SNDBUF (the kernel caps them at net.core.[rw]mem_max)")
  int socketBuffer;

  @Option(names = "--batch", defaultValue = "32", description = "datagrams per recvmmsg")
  int batch;

  public static void main(String[] args) {
    System.exit(new CommandLine(new ReusePortStunResponder()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    StunBindingServer stun = new StunBindingServer();
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(threads, EpollIoHandler.newFactory());
    List<Channel> channels = new ArrayList<>();
    try {
      for (int i = 0; i < threads; i++) {
        Bootstrap b =
            new Bootstrap()
                .group(group)
                .channel(EpollDatagramChannel.class)
                .option(EpollChannelOption.SO_REUSEPORT, true)
                .option(ChannelOption.SO_RCVBUF, socketBuffer)
                .option(ChannelOption.SO_SNDBUF, socketBuffer)
                .option(EpollChannelOption.MAX_DATAGRAM_PAYLOAD_SIZE, 1500)
                .option(
                    ChannelOption.RECVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(1500 * batch))
                .handler(new Handler(stun));
        channels.add(b.bind("127.0.0.1", port).sync().channel());
      }
      System.out.println("listening on 127.0.0.1:" + port + " with " + threads + " sockets");
      new CountDownLatch(1).await(); // until the harness stops the process
      return 0;
    } finally {
      channels.forEach(Channel::close);
      group.shutdownGracefully();
    }
  }

  /** Per socket: answers each datagram, flushes once per read batch. */
  private static final class Handler extends ChannelInboundHandlerAdapter {
    private final StunBindingServer stun;
    private final byte[] scratch = new byte[1500];

    Handler(StunBindingServer stun) {
      this.stun = stun;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      DatagramPacket packet = (DatagramPacket) msg;
      try {
        ByteBuf content = packet.content();
        int n = Math.min(content.readableBytes(), scratch.length);
        content.getBytes(content.readerIndex(), scratch, 0, n);
        StunServerResult result = stun.handle(scratch, 0, n, packet.sender());
        if (result.response() != null) {
          ctx.write(
              new DatagramPacket(Unpooled.wrappedBuffer(result.response()), packet.sender()),
              ctx.voidPromise());
        }
      } finally {
        packet.release();
      }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
      ctx.flush();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      // ICMP errors and the like must not close the socket
    }
  }
}
