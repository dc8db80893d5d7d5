package io.floe.internal.proxy;

import io.floe.EndpointSelectionType;
import io.floe.ImplicitContext;
import io.floe.Properties;
import java.util.Map;

/**
 * The communicator's defaults for the proxies it makes, read once from its properties:
 * {@code Ice.RetryIntervals} ("0"), {@code Ice.Default.EndpointSelection} (Random) and
 * {@code Ice.Override.ConnectTimeout} (unset: each endpoint's {@code -t}), the
 * {@code Ice.ImplicitContext} (None: null) and {@code Ice.Default.LocatorCacheTimeout} in seconds
 * (-1, any negative value: cached answers never expire; 0: no cache).
 */
public record ClientDefaults(RetryPolicy retryPolicy, EndpointSelectionType endpointSelection,
                             int connectTimeoutOverride, ImplicitContext implicitContext,
                             int locatorCacheTimeout) {
    public static final int NO_OVERRIDE = -2;

    /** The proxy's {@code context} over the implicit one (an explicit call context replaces both). */
    public Map<String, String> requestContext(Map<String, String> context) {
        return implicitContext == null ? context : ((ImplicitContexts) implicitContext).combine(context);
    }

    public static ClientDefaults read(Properties properties) {
        int connectTimeout = properties.isSet("Ice.Override.ConnectTimeout")
                ? properties.getInt("Ice.Override.ConnectTimeout", -1) : NO_OVERRIDE;
        return new ClientDefaults(RetryPolicy.parse(properties.get("Ice.RetryIntervals", "0")),
                EndpointSelectionType.parse(properties.get("Ice.Default.EndpointSelection", "Random")),
                connectTimeout, ImplicitContexts.create(properties.get("Ice.ImplicitContext", "None")),
                Math.max(-1, properties.getInt("Ice.Default.LocatorCacheTimeout", -1)));
    }
}
