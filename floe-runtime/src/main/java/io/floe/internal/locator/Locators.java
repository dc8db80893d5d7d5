package io.floe.internal.locator;

import io.floe.EncodingVersion;
import io.floe.Identity;
import io.floe.ObjectPrx;
import io.floe.Reference;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A communicator's locators: the default one ({@code Ice.Default.Locator}), a resolver per
 * locator proxy, and a cache per locator, as Ice keys it: by the locator's identity and encoding,
 * so proxies of one locator that differ in other settings share what it answered.
 */
public final class Locators {
    private record CacheKey(Identity identity, EncodingVersion encoding) {}

    private final Map<Reference, LocatorResolver> resolvers = new ConcurrentHashMap<>();
    /** The same resolvers by the proxies callers pass (which may have a locator): one look-up per call. */
    private final Map<Reference, LocatorResolver> byProxy = new ConcurrentHashMap<>();
    private final Map<CacheKey, LocatorCache> caches = new ConcurrentHashMap<>();
    private final LongSupplier nanoClock;
    private volatile ObjectPrx defaultLocator;

    public Locators(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    /** The locator of the proxies this communicator makes from now on, or null. */
    public ObjectPrx defaultLocator() {
        return defaultLocator;
    }

    /**
     * First set from {@code Ice.Default.Locator} once that proxy was parsed (so it has no locator
     * itself, as in Ice); {@code Communicator.setDefaultLocator} changes it for proxies made later.
     */
    public void setDefaultLocator(ObjectPrx locator) {
        this.defaultLocator = locator == null ? null : locator.ice_locator(null);
    }

    /** The resolver of {@code locator}; the same one for proxies equal but for their own locator. */
    public LocatorResolver resolverFor(ObjectPrx locator) {
        LocatorResolver known = byProxy.get(locator.ice_reference());
        if (known != null) {
            return known;
        }
        ObjectPrx unlocated = locator.ice_locator(null); // a locator is never located itself
        LocatorResolver resolver = resolvers.computeIfAbsent(unlocated.ice_reference(),
                r -> new LocatorResolver(unlocated, caches.computeIfAbsent(
                        new CacheKey(unlocated.ice_getIdentity(), unlocated.ice_getEncodingVersion()),
                        k -> new LocatorCache(nanoClock))));
        byProxy.putIfAbsent(locator.ice_reference(), resolver);
        return resolver;
    }
}
