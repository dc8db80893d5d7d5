package io.floe;

/** When Active Connection Management closes a connection ({@code Ice.ACM.Close}; ice-protocol.md §5.3). */
public enum ACMClose {
    CLOSE_OFF,
    /** Gracefully, once nothing went either way for the timeout. */
    CLOSE_ON_IDLE,
    /** Forcefully, when a call waits and nothing was received for the timeout. */
    CLOSE_ON_INVOCATION,
    /** Both of the above: the client default. */
    CLOSE_ON_INVOCATION_AND_IDLE,
    /** Forcefully, once idle for the timeout. */
    CLOSE_ON_IDLE_FORCEFUL
}
