package io.floe.internal.proxy;

import io.floe.ObjectPrx;

/**
 * How an indirect proxy finds its endpoints: through which locator (null: none, so it cannot be
 * called), and how old, in seconds, a cached answer may be ({@code ice_locatorCacheTimeout}:
 * -1 any age, 0 none).
 */
record LocatorOptions(ObjectPrx proxy, int cacheTimeout) {
    LocatorOptions {
        if (cacheTimeout < -1) {
            throw new IllegalArgumentException("invalid value passed to ice_locatorCacheTimeout: " + cacheTimeout
                    + " (expected: -1, 0 or a number of seconds)");
        }
    }

    LocatorOptions withProxy(ObjectPrx newProxy) {
        return new LocatorOptions(newProxy, cacheTimeout);
    }

    LocatorOptions withCacheTimeout(int seconds) {
        return new LocatorOptions(proxy, seconds);
    }
}
