package io.floe.internal.locator;

import io.floe.Identity;
import io.floe.internal.endpoint.Endpoint;
import io.floe.internal.proxy.ProxyReference;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * What a locator answered, kept for later calls: the endpoints of each adapter id and the
 * reference (direct, or indirect with an adapter id) of each well-known object. A reader says
 * how old an answer may be, in seconds: below 0 any age (the default,
 * {@code Ice.Default.LocatorCacheTimeout=-1}), 0 none (the cache is not read).
 */
final class LocatorCache {
    private record Entry<T>(T value, long storedAtNanos) {}

    private final Map<String, Entry<List<Endpoint>>> adapters = new ConcurrentHashMap<>();
    private final Map<Identity, Entry<ProxyReference>> objects = new ConcurrentHashMap<>();
    private final LongSupplier nanoClock;

    LocatorCache(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    /** The endpoints of {@code adapterId} if known and young enough, else null. */
    List<Endpoint> adapterEndpoints(String adapterId, int maxAgeSeconds) {
        return fresh(adapters.get(adapterId), maxAgeSeconds);
    }

    void putAdapterEndpoints(String adapterId, List<Endpoint> endpoints) {
        adapters.put(adapterId, new Entry<>(List.copyOf(endpoints), nanoClock.getAsLong()));
    }

    /** Forgets the endpoints of {@code adapterId}; returns them, or null. */
    List<Endpoint> removeAdapterEndpoints(String adapterId) {
        Entry<List<Endpoint>> removed = adapters.remove(adapterId);
        return removed == null ? null : removed.value();
    }

    /** The reference of the well-known object {@code id} if known and young enough, else null. */
    ProxyReference objectReference(Identity id, int maxAgeSeconds) {
        return fresh(objects.get(id), maxAgeSeconds);
    }

    void putObjectReference(Identity id, ProxyReference reference) {
        objects.put(id, new Entry<>(reference, nanoClock.getAsLong()));
    }

    /** Forgets the reference of {@code id}; returns it, or null. */
    ProxyReference removeObjectReference(Identity id) {
        Entry<ProxyReference> removed = objects.remove(id);
        return removed == null ? null : removed.value();
    }

    private <T> T fresh(Entry<T> entry, int maxAgeSeconds) {
        if (entry == null || maxAgeSeconds == 0) {
            return null;
        }
        if (maxAgeSeconds > 0 && nanoClock.getAsLong() - entry.storedAtNanos() > maxAgeSeconds * 1_000_000_000L) {
            return null;
        }
        return entry.value();
    }
}
