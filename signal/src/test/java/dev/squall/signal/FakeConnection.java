package dev.squall.signal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.squall.signal.message.ErrorMessage;
import dev.squall.signal.message.ServerMessage;
import dev.squall.signal.message.SignalingCodec;
import dev.squall.signal.message.SignalingException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** A {@link SignalingConnection} that records what the hub sends, decoded. */
final class FakeConnection implements SignalingConnection {

  private final SignalingCodec codec = new SignalingCodec();
  private final String name;
  final List<ServerMessage> received = new ArrayList<>();
  int closeStatus = -1;
  String closeReason;

  FakeConnection(String name) {
    this.name = name;
  }

  @Override
  public void send(String json) {
    if (closeStatus >= 0) {
      return;
    }
    try {
      received.add(codec.decodeServer(json));
    } catch (SignalingException e) {
      throw new AssertionError("hub sent an undecodable frame: " + json, e);
    }
  }

  @Override
  public CompletableFuture<Void> close(int status, String reason) {
    if (closeStatus < 0) {
      closeStatus = status;
      closeReason = reason;
    }
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public String remoteHost() {
    return name;
  }

  @Override
  public String requestHost() {
    return "example.org";
  }

  boolean closed() {
    return closeStatus >= 0;
  }

  /** Removes and returns everything received so far. */
  List<ServerMessage> drain() {
    List<ServerMessage> out = new ArrayList<>(received);
    received.clear();
    return out;
  }

  /** Removes and returns the only message received, of the given type. */
  <T extends ServerMessage> T only(Class<T> type) {
    List<ServerMessage> all = drain();
    assertThat(all).hasSize(1);
    assertThat(all.get(0)).isInstanceOf(type);
    return type.cast(all.get(0));
  }

  /** Removes the only message, which must be an error with {@code code}, and returns it. */
  ErrorMessage error(String code) {
    ErrorMessage e = only(ErrorMessage.class);
    assertThat(e.code()).isEqualTo(code);
    return e;
  }
}
