package io.floe.internal.dispatch;

import io.floe.AlreadyRegisteredException;
import io.floe.Identity;
import io.floe.Servant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The active servant map: servants by identity, then facet ("" is the default facet). */
public final class ServantMap {
    private final Map<Identity, Map<String, Servant>> servants = new ConcurrentHashMap<>();
    private final ServantRouter router = new ServantRouter(this);

    /** What dispatch consults besides this map (default servants, locators) and the adapter's interceptors. */
    public ServantRouter router() {
        return router;
    }

    public void add(Identity id, String facet, Servant servant) {
        Map<String, Servant> facets = servants.computeIfAbsent(id, k -> new ConcurrentHashMap<>());
        if (facets.putIfAbsent(facet, servant) != null) {
            throw new AlreadyRegisteredException("servant '" + id + "' facet '" + facet + "'");
        }
    }

    public Servant remove(Identity id, String facet) {
        Servant[] removed = new Servant[1];
        servants.computeIfPresent(id, (k, facets) -> {
            removed[0] = facets.remove(facet);
            return facets.isEmpty() ? null : facets;
        });
        return removed[0];
    }

    public Servant find(Identity id, String facet) {
        Map<String, Servant> facets = servants.get(id);
        return facets == null ? null : facets.get(facet);
    }

    /** Whether any facet is registered for {@code id}: decides FacetNotExist over ObjectNotExist. */
    public boolean hasIdentity(Identity id) {
        return servants.containsKey(id);
    }
}
