package dev.squall.signal.netty;

import dev.squall.signal.client.SignalingListener;
import dev.squall.signal.message.ErrorMessage;
import dev.squall.signal.message.Joined;
import dev.squall.signal.message.PeerInfo;
import dev.squall.signal.message.PeerLeft;
import dev.squall.signal.message.Relayed;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A listener that records every event for assertions with Awaitility. */
final class Recorder implements SignalingListener {

  final List<Object> events = new CopyOnWriteArrayList<>();
  final List<Relayed> relayed = new CopyOnWriteArrayList<>();
  final List<ErrorMessage> errors = new CopyOnWriteArrayList<>();
  final List<Joined> resumed = new CopyOnWriteArrayList<>();
  volatile String shutdown;
  volatile int closeStatus = -1;

  @Override
  public void onPeerJoined(PeerInfo peer) {
    events.add(peer);
  }

  @Override
  public void onPeerLeft(PeerLeft event) {
    events.add(event);
  }

  @Override
  public void onRelayed(Relayed message) {
    relayed.add(message);
  }

  @Override
  public void onError(ErrorMessage error) {
    errors.add(error);
  }

  @Override
  public void onResumed(Joined joined) {
    resumed.add(joined);
  }

  @Override
  public void onShutdown(String reason) {
    shutdown = reason;
  }

  @Override
  public void onClose(int status, String reason) {
    closeStatus = status;
  }
}
