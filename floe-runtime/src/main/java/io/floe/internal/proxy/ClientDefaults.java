package io.floe.internal.proxy;

import io.floe.EndpointSelectionType;
import io.floe.Properties;

/**
 * The communicator's defaults for the proxies it makes, read once from its properties:
 * {@code Ice.RetryIntervals} ("0"), {@code Ice.Default.EndpointSelection} (Random) and
 * {@code Ice.Override.ConnectTimeout} (unset: each endpoint's {@code -t}).
 */
public record ClientDefaults(RetryPolicy retryPolicy, EndpointSelectionType endpointSelection,
                             int connectTimeoutOverride) {
    public static final int NO_OVERRIDE = -2;

    public static ClientDefaults read(Properties properties) {
        int connectTimeout = properties.isSet("Ice.Override.ConnectTimeout")
                ? properties.getInt("Ice.Override.ConnectTimeout", -1) : NO_OVERRIDE;
        return new ClientDefaults(RetryPolicy.parse(properties.get("Ice.RetryIntervals", "0")),
                EndpointSelectionType.parse(properties.get("Ice.Default.EndpointSelection", "Random")),
                connectTimeout);
    }
}
