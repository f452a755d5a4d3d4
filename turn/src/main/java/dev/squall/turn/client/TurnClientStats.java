package dev.squall.turn.client;

/**
 * Counters of one {@link TurnClient} (a snapshot).
 *
 * @param sendIndications datagrams sent to peers as Send indications
 * @param channelDataSent datagrams sent to peers as ChannelData
 * @param dataIndicationsReceived datagrams from peers in Data indications
 * @param channelDataReceived datagrams from peers as ChannelData
 * @param droppedNoPermission datagrams to peers dropped: no permission (refused, or too many
 *     waiting for it)
 * @param droppedMalformed messages from the server dropped as malformed or for an unknown channel
 * @param allocationRefreshes successful Refresh requests
 * @param permissionRequests CreatePermission requests sent (new and refreshes)
 * @param permissionRefreshes times the installed permissions were refreshed
 * @param channelBindRequests ChannelBind requests sent (new and refreshes)
 * @param permissionsExpired installed permissions given up because no refresh got through within
 *     their 300 s lifetime
 */
public record TurnClientStats(
    long sendIndications,
    long channelDataSent,
    long dataIndicationsReceived,
    long channelDataReceived,
    long droppedNoPermission,
    long droppedMalformed,
    long allocationRefreshes,
    long permissionRequests,
    long permissionRefreshes,
    long channelBindRequests,
    long permissionsExpired) {

  /** The mutable counters behind a snapshot; touched on the client's scheduler only. */
  static final class Counters {
    long sendIndications;
    long channelDataSent;
    long dataIndicationsReceived;
    long channelDataReceived;
    long droppedNoPermission;
    long droppedMalformed;
    long allocationRefreshes;
    long permissionRequests;
    long permissionRefreshes;
    long channelBindRequests;
    long permissionsExpired;

    TurnClientStats snapshot() {
      return new TurnClientStats(
          sendIndications,
          channelDataSent,
          dataIndicationsReceived,
          channelDataReceived,
          droppedNoPermission,
          droppedMalformed,
          allocationRefreshes,
          permissionRequests,
          permissionRefreshes,
          channelBindRequests,
          permissionsExpired);
    }
  }
}
