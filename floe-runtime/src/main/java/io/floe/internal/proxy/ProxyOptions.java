package io.floe.internal.proxy;

import static java.util.Objects.requireNonNull;

import io.floe.EncodingVersion;
import io.floe.EndpointSelectionType;
import io.floe.InvocationMode;
import java.util.Map;

/**
 * How a proxy calls its target, beside what the target is: the settings of Ice's
 * {@code ice_xxx} factory methods. Only mode, secure and encoding travel in an encoded proxy
 * (ice-protocol.md §3.9); the rest stays local, as in Ice.
 *
 * @param compress          null: as the endpoint's {@code -z} says
 * @param invocationTimeout ms; -1: none
 * @param locator           the locator that resolves an indirect proxy, and for how long its answers are cached
 */
record ProxyOptions(InvocationMode mode, boolean secure, EncodingVersion encoding, Map<String, String> context,
                    int invocationTimeout, EndpointSelectionType endpointSelection, boolean connectionCached,
                    String connectionId, Boolean compress, LocatorOptions locator) {
    ProxyOptions {
        requireNonNull(mode, "mode");
        requireNonNull(encoding, "encoding");
        requireNonNull(endpointSelection, "endpointSelection");
        requireNonNull(locator, "locator");
        context = context == null ? Map.of() : Map.copyOf(context);
        connectionId = connectionId == null ? "" : connectionId;
        if (invocationTimeout < 1 && invocationTimeout != -1) {
            throw new IllegalArgumentException("invocation timeout: " + invocationTimeout + " (expected: > 0 or -1)");
        }
    }

    ProxyOptions withMode(InvocationMode m) {
        return new ProxyOptions(m, secure, encoding, context, invocationTimeout, endpointSelection,
                connectionCached, connectionId, compress, locator);
    }

    ProxyOptions withSecure(boolean s) {
        return new ProxyOptions(mode, s, encoding, context, invocationTimeout, endpointSelection,
                connectionCached, connectionId, compress, locator);
    }

    ProxyOptions withEncoding(EncodingVersion e) {
        return new ProxyOptions(mode, secure, e, context, invocationTimeout, endpointSelection,
                connectionCached, connectionId, compress, locator);
    }

    ProxyOptions withContext(Map<String, String> c) {
        return new ProxyOptions(mode, secure, encoding, c, invocationTimeout, endpointSelection,
                connectionCached, connectionId, compress, locator);
    }

    ProxyOptions withInvocationTimeout(int ms) {
        return new ProxyOptions(mode, secure, encoding, context, ms, endpointSelection,
                connectionCached, connectionId, compress, locator);
    }

    ProxyOptions withEndpointSelection(EndpointSelectionType t) {
        return new ProxyOptions(mode, secure, encoding, context, invocationTimeout, t,
                connectionCached, connectionId, compress, locator);
    }

    ProxyOptions withConnectionCached(boolean cached) {
        return new ProxyOptions(mode, secure, encoding, context, invocationTimeout, endpointSelection,
                cached, connectionId, compress, locator);
    }

    ProxyOptions withConnectionId(String id) {
        return new ProxyOptions(mode, secure, encoding, context, invocationTimeout, endpointSelection,
                connectionCached, id, compress, locator);
    }

    ProxyOptions withCompress(Boolean z) {
        return new ProxyOptions(mode, secure, encoding, context, invocationTimeout, endpointSelection,
                connectionCached, connectionId, z, locator);
    }

    ProxyOptions withLocator(LocatorOptions l) {
        return new ProxyOptions(mode, secure, encoding, context, invocationTimeout, endpointSelection,
                connectionCached, connectionId, compress, l);
    }
}
