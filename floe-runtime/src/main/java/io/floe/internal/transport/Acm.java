package io.floe.internal.transport;

import io.floe.InitializationException;
import io.floe.Properties;

/**
 * Active Connection Management settings of a connection (ice-protocol.md §5.3): timeout, when to
 * send heartbeats, when to close. Read from {@code <prefix>.ACM.Timeout/Heartbeat/Close}, falling
 * back along the given prefixes (for example {@code MyAdapter}, {@code Ice.ACM.Server} style:
 * {@code MyAdapter.ACM.*}, then {@code Ice.ACM.Server.*}, then {@code Ice.ACM.*}).
 *
 * <p>Floe's default heartbeat is {@link Heartbeat#ALWAYS} on both sides, not Ice 3.7's
 * OnDispatch: Ice 3.8 peers abort a connection silent for their idle timeout, and Ice 3.8 advises
 * its 3.7 users to configure exactly this.
 */
public record Acm(int timeoutMillis, Heartbeat heartbeat, Close close) {
    public static final int DEFAULT_TIMEOUT_SECONDS = 60;

    public enum Heartbeat { OFF, ON_DISPATCH, ON_IDLE, ALWAYS }

    public enum Close { OFF, ON_IDLE, ON_INVOCATION, ON_INVOCATION_AND_IDLE, ON_IDLE_FORCEFUL }

    /** Client connections: Ice.ACM.Client.*, then Ice.ACM.*; close default 3 (OnInvocationAndIdle). */
    public static Acm client(Properties properties) {
        return read(properties, Close.ON_INVOCATION_AND_IDLE, "Ice.ACM.Client", "Ice.ACM");
    }

    /** An adapter's connections: adapter.ACM.*, Ice.ACM.Server.*, then Ice.ACM.*; close default 2 (OnInvocation). */
    public static Acm server(Properties properties, String adapter) {
        return read(properties, Close.ON_INVOCATION, adapter + ".ACM", "Ice.ACM.Server", "Ice.ACM");
    }

    private static Acm read(Properties properties, Close defaultClose, String... prefixes) {
        int timeout = get(properties, "Timeout", DEFAULT_TIMEOUT_SECONDS, prefixes);
        int heartbeat = get(properties, "Heartbeat", Heartbeat.ALWAYS.ordinal(), prefixes);
        int close = get(properties, "Close", defaultClose.ordinal(), prefixes);
        if (heartbeat < 0 || heartbeat >= Heartbeat.values().length) {
            throw new InitializationException(prefixes[0] + ".Heartbeat: " + heartbeat + " (expected: 0 to 3)");
        }
        if (close < 0 || close >= Close.values().length) {
            throw new InitializationException(prefixes[0] + ".Close: " + close + " (expected: 0 to 4)");
        }
        // Timeout 0 or less turns ACM off, as in Ice.
        int millis = timeout <= 0 ? 0 : (int) Math.min(Integer.MAX_VALUE, timeout * 1000L);
        return new Acm(millis, Heartbeat.values()[heartbeat], Close.values()[close]);
    }

    private static int get(Properties properties, String suffix, int fallback, String... prefixes) {
        for (String prefix : prefixes) {
            String value = properties.get(prefix + "." + suffix);
            if (value != null && !value.isBlank()) {
                return properties.getInt(prefix + "." + suffix, fallback);
            }
        }
        return fallback;
    }

    public boolean enabled() {
        return timeoutMillis > 0;
    }
}
