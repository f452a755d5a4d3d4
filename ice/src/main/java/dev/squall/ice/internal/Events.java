package dev.squall.ice.internal;

import dev.squall.ice.IceCandidate;
import dev.squall.ice.IceCandidatePair;
import dev.squall.ice.IceConnectionState;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's listeners, each called on the scheduler in registration order. A listener that throws
 * is logged and does not stop the others or the agent.
 */
public final class Events {

  private static final Logger LOG = LoggerFactory.getLogger(Events.class);

  public final List<Consumer<IceCandidate>> localCandidate = new ArrayList<>();
  public final List<Runnable> gatheringComplete = new ArrayList<>();
  public final List<Consumer<IceConnectionState>> state = new ArrayList<>();
  public final List<Consumer<IceCandidatePair>> selectedPair = new ArrayList<>();
  public final List<Consumer<byte[]>> data = new ArrayList<>();

  public <T> void fire(List<Consumer<T>> listeners, T value) {
    for (Consumer<T> l : List.copyOf(listeners)) {
      try {
        l.accept(value);
      } catch (RuntimeException e) {
        LOG.warn("ICE listener failed", e);
      }
    }
  }

  public void fireGatheringComplete() {
    for (Runnable r : List.copyOf(gatheringComplete)) {
      try {
        r.run();
      } catch (RuntimeException e) {
        LOG.warn("ICE listener failed", e);
      }
    }
  }
}
