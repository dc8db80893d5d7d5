package io.floe.internal.pool;

import io.floe.Properties;
import java.time.Duration;

/**
 * The settings of one thread pool, read from its prefix such as {@code Ice.ThreadPool.Server} or
 * {@code <adapter>.ThreadPool} (ice-protocol.md §8.1): Size (at least 1), SizeMax (at least
 * Size; -1 = number of processors), SizeWarn (0 = off; else clamped to [Size, SizeMax]),
 * Serialize, ThreadIdleTime (seconds, 0 = never shrink), and Floe's own Virtual (a virtual thread
 * per dispatch, JDK 21+) and HandOff (the event loops hand requests to pool threads even though
 * the pool has a fixed size).
 */
public record ThreadPoolSettings(String prefix, int size, int sizeMax, int sizeWarn, boolean serialize,
                                 Duration threadIdleTime, boolean virtual, boolean handOff) {

    public static ThreadPoolSettings read(Properties properties, String prefix) {
        int size = Math.max(1, properties.getInt(prefix + ".Size", 1));
        int sizeMax = properties.getInt(prefix + ".SizeMax", size);
        if (sizeMax == -1) {
            sizeMax = Runtime.getRuntime().availableProcessors();
        }
        sizeMax = Math.max(size, sizeMax);
        int sizeWarn = properties.getInt(prefix + ".SizeWarn", 0);
        if (sizeWarn != 0) {
            sizeWarn = Math.min(sizeMax, Math.max(size, sizeWarn));
        }
        boolean serialize = properties.getInt(prefix + ".Serialize", 0) > 0;
        Duration idle = Duration.ofSeconds(Math.max(0, properties.getInt(prefix + ".ThreadIdleTime", 60)));
        boolean virtual = properties.getInt(prefix + ".Virtual", 0) > 0;
        boolean handOff = properties.getInt(prefix + ".HandOff", 0) > 0;
        return new ThreadPoolSettings(prefix, size, sizeMax, sizeWarn, serialize, idle, virtual, handOff);
    }

    /**
     * Whether the pool's own threads are the event loops of its connections ({@link EventLoopPool}):
     * a fixed size, platform threads, no hand-off asked for.
     */
    public boolean dispatchesOnEventLoops() {
        return !virtual && !handOff && size == sizeMax;
    }

    /** Whether an adapter's properties ask for a pool of its own (Ice: Size or SizeMax set). */
    public static boolean isConfigured(Properties properties, String prefix) {
        return properties.isSet(prefix + ".Size") || properties.isSet(prefix + ".SizeMax")
                || properties.isSet(prefix + ".Virtual") || properties.isSet(prefix + ".HandOff");
    }
}
