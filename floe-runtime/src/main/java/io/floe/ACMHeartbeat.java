package io.floe;

/** When Active Connection Management sends heartbeats ({@code Ice.ACM.Heartbeat}; ice-protocol.md §5.3). */
public enum ACMHeartbeat {
    HEARTBEAT_OFF,
    /** While a dispatch is in progress. */
    HEARTBEAT_ON_DISPATCH,
    /** While nothing is received either. */
    HEARTBEAT_ON_IDLE,
    /** Whenever nothing was written for a quarter of the timeout: Floe's default. */
    HEARTBEAT_ALWAYS
}
