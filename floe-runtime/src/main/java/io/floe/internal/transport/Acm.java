package io.floe.internal.transport;

import io.floe.ACM;
import io.floe.ACMClose;
import io.floe.ACMHeartbeat;
import io.floe.InitializationException;
import io.floe.Properties;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Active Connection Management settings of a connection (ice-protocol.md §5.3): timeout, when to
 * send heartbeats, when to close. Read from {@code <prefix>.ACM.Timeout/Heartbeat/Close}, falling
 * back along the given prefixes (for example {@code MyAdapter}, {@code Ice.ACM.Server} style:
 * {@code MyAdapter.ACM.*}, then {@code Ice.ACM.Server.*}, then {@code Ice.ACM.*}).
 *
 * <p>Floe's default heartbeat is {@link ACMHeartbeat#HEARTBEAT_ALWAYS} on both sides, not Ice
 * 3.7's OnDispatch: Ice 3.8 peers abort a connection silent for their idle timeout, and Ice 3.8
 * advises its 3.7 users to configure exactly this.
 */
public record Acm(int timeoutMillis, ACMHeartbeat heartbeat, ACMClose close) {
    public static final int DEFAULT_TIMEOUT_SECONDS = 60;

    /** Client connections: Ice.ACM.Client.*, then Ice.ACM.*; close default 3 (OnInvocationAndIdle). */
    public static Acm client(Properties properties) {
        return read(properties, ACMClose.CLOSE_ON_INVOCATION_AND_IDLE, "Ice.ACM.Client", "Ice.ACM");
    }

    /** An adapter's connections: adapter.ACM.*, Ice.ACM.Server.*, then Ice.ACM.*; close default 2 (OnInvocation). */
    public static Acm server(Properties properties, String adapter) {
        return read(properties, ACMClose.CLOSE_ON_INVOCATION, adapter + ".ACM", "Ice.ACM.Server", "Ice.ACM");
    }

    private static Acm read(Properties properties, ACMClose defaultClose, String... prefixes) {
        int timeout = get(properties, "Timeout", DEFAULT_TIMEOUT_SECONDS, prefixes);
        int heartbeat = get(properties, "Heartbeat", ACMHeartbeat.HEARTBEAT_ALWAYS.ordinal(), prefixes);
        int close = get(properties, "Close", defaultClose.ordinal(), prefixes);
        if (heartbeat < 0 || heartbeat >= ACMHeartbeat.values().length) {
            throw new InitializationException(prefixes[0] + ".Heartbeat: " + heartbeat + " (expected: 0 to 3)");
        }
        if (close < 0 || close >= ACMClose.values().length) {
            throw new InitializationException(prefixes[0] + ".Close: " + close + " (expected: 0 to 4)");
        }
        // Timeout 0 or less turns ACM off, as in Ice.
        return new Acm(millis(timeout), ACMHeartbeat.values()[heartbeat], ACMClose.values()[close]);
    }

    private static int millis(int seconds) {
        return seconds <= 0 ? 0 : (int) Math.min(Integer.MAX_VALUE, seconds * 1000L);
    }

    /**
     * {@code Connection.setACM}: what is given replaces, what is not comes from {@code configured}
     * (the properties), as Ice does.
     */
    public static Acm override(Acm configured, OptionalInt timeout, Optional<ACMClose> close,
                               Optional<ACMHeartbeat> heartbeat) {
        if (timeout.isPresent() && timeout.getAsInt() < 0) {
            throw new IllegalArgumentException("ACM timeout: " + timeout.getAsInt() + " (expected: >= 0)");
        }
        return new Acm(timeout.isPresent() ? millis(timeout.getAsInt()) : configured.timeoutMillis,
                heartbeat.orElse(configured.heartbeat), close.orElse(configured.close));
    }

    /** As the public API shows it: whole seconds. */
    public ACM toPublic() {
        return new ACM((int) Math.ceil(timeoutMillis / 1000.0), close, heartbeat);
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
