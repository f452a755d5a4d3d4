package dev.squall.datachannel;

import dev.squall.sctp.CloseReason;
import dev.squall.sctp.Reliability;
import dev.squall.sctp.SctpListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SCTP association's events for a {@link DataChannelManager}, on its loop: DCEP, user messages
 * by PPID (RFC 8831 §8), stream resets closing channels (RFC 8831 §6.7), low-buffer and close.
 */
final class ChannelEvents implements SctpListener {

  private static final Logger LOG = LoggerFactory.getLogger(ChannelEvents.class);

  private final DataChannelManager m;

  ChannelEvents(DataChannelManager manager) {
    this.m = manager;
  }

  @Override
  public void onEstablished() {
    m.established();
  }

  @Override
  public void onMessage(int stream, int ppid, byte[] data, boolean ordered) {
    if (ppid == Ppid.DCEP) {
      onDcep(stream, data);
      return;
    }
    DataChannel ch = m.channel(stream);
    if (ch == null || ch.readyState() == DataChannelState.CLOSED) {
      LOG.debug("stream {}: message for no open channel dropped", stream);
      return;
    }
    DataChannelMessage msg =
        switch (ppid) {
          case Ppid.STRING -> new DataChannelMessage(true, data);
          case Ppid.BINARY -> new DataChannelMessage(false, data);
          case Ppid.STRING_EMPTY -> new DataChannelMessage(true, new byte[0]);
          case Ppid.BINARY_EMPTY -> new DataChannelMessage(false, new byte[0]);
          default -> null;
        };
    if (msg == null) {
      LOG.debug("stream {}: unsupported PPID {} dropped", stream, ppid);
      return;
    }
    ch.countReceived(msg.data().length);
    m.dispatch(() -> ch.fireMessage(msg));
  }

  @Override
  public void onIncomingStreamsReset(int[] streams) {
    for (int id : streams) {
      DataChannel ch = m.channel(id);
      if (ch == null) {
        continue;
      }
      ch.incomingReset = true;
      if (!ch.resetRequested) {
        ch.resetRequested = true;
        ch.setState(DataChannelState.CLOSING);
        m.sctp().resetStreams(id);
      }
      finishIfReset(ch);
    }
  }

  @Override
  public void onOutgoingStreamsReset(int[] streams) {
    for (int id : streams) {
      DataChannel ch = m.channel(id);
      if (ch != null) {
        ch.outgoingReset = true;
        finishIfReset(ch);
      }
    }
  }

  @Override
  public void onBufferedAmountLow(int stream) {
    DataChannel ch = m.channel(stream);
    if (ch != null) {
      ch.refreshBuffered(m.sctp().bufferedAmount(stream));
      m.dispatch(ch::fireLow);
    }
  }

  @Override
  public void onClosed(CloseReason reason) {
    LOG.debug("SCTP association closed: {}", reason);
    m.closeAll();
  }

  private void finishIfReset(DataChannel ch) {
    if (ch.outgoingReset && ch.incomingReset) {
      m.finish(ch);
    }
  }

  private void onDcep(int stream, byte[] data) {
    if (data.length > 0 && (data[0] & 0xFF) == DataChannelAck.MESSAGE_TYPE) {
      DataChannel ch = m.channel(stream);
      try {
        DataChannelAck.decode(data);
        if (ch != null) {
          ch.acked = true;
        }
      } catch (DataChannelException e) {
        LOG.debug("stream {}: bad DATA_CHANNEL_ACK: {}", stream, e.getMessage());
      }
      return;
    }
    DataChannelOpen open;
    try {
      open = DataChannelOpen.decode(data);
    } catch (DataChannelException e) {
      LOG.debug("stream {}: DCEP message ignored: {}", stream, e.getMessage());
      return;
    }
    if (m.channel(stream) != null) {
      LOG.warn("stream {}: DATA_CHANNEL_OPEN for a stream in use, ignored", stream);
      return;
    }
    ChannelType t = open.channelType();
    int limit = (int) Math.min(open.reliabilityParameter(), Integer.MAX_VALUE);
    DataChannelInit init =
        new DataChannelInit(
            t.ordered(),
            t.rexmit() ? limit : null,
            t.timed() ? limit : null,
            open.protocol(),
            false,
            null);
    DataChannel ch = new DataChannel(m, open.label(), init, stream);
    ch.acked = true;
    try {
      m.sctp().send(stream, Ppid.DCEP, new DataChannelAck().encode(), true, Reliability.RELIABLE);
    } catch (IllegalArgumentException e) {
      LOG.warn("stream {}: DATA_CHANNEL_OPEN beyond the negotiated streams, ignored", stream);
      return;
    }
    m.adopt(ch);
  }
}
