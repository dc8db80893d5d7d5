package io.floe.internal.locator;

import io.floe.internal.endpoint.Endpoint;
import java.util.List;

/**
 * The endpoints an indirect proxy resolved to (empty: the locator knows the adapter or object
 * but it is not active), and whether they came from the cache: when connecting to cached
 * endpoints fails, the entry is dropped and the locator asked again at once.
 */
public record Resolution(List<Endpoint> endpoints, boolean cached) {
    public Resolution {
        endpoints = List.copyOf(endpoints);
    }
}
