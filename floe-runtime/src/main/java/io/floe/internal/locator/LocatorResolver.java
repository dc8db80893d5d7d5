package io.floe.internal.locator;

import static io.floe.internal.locator.LocatorUserException.ADAPTER_NOT_FOUND;
import static io.floe.internal.locator.LocatorUserException.OBJECT_NOT_FOUND;

import io.floe.EndpointSelectionType;
import io.floe.Identity;
import io.floe.NotRegisteredException;
import io.floe.ObjectPrx;
import io.floe.internal.endpoint.Endpoint;
import io.floe.internal.proxy.IdentityStrings;
import io.floe.internal.proxy.ProxyReference;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves indirect proxies through one locator, as Ice's {@code LocatorInfo} does:
 * {@code name @ adapter} with {@code findAdapterById}, a well-known {@code name} with
 * {@code findObjectById} (and, when the answer is itself {@code @ adapter}, that adapter next).
 * Answers go to the {@link LocatorCache} shared by every proxy of this locator; concurrent
 * resolutions of one id wait for the same request. Never blocks: everything completes on the
 * thread that completes the locator call (the client pool).
 */
public final class LocatorResolver {
    private static final Logger log = LoggerFactory.getLogger(LocatorResolver.class);

    private final ObjectPrx locator;
    private final LocatorCache cache;
    private final Map<String, CompletableFuture<ObjectPrx>> adapterRequests = new ConcurrentHashMap<>();
    private final Map<Identity, CompletableFuture<ObjectPrx>> objectRequests = new ConcurrentHashMap<>();
    private volatile ObjectPrx registry;

    LocatorResolver(ObjectPrx locator, LocatorCache cache) {
        this.locator = locator;
        this.cache = cache;
    }

    /** The locator proxy (itself without a locator). */
    public ObjectPrx locator() {
        return locator;
    }

    /**
     * The endpoints of an indirect reference, from the cache when an answer is younger than the
     * reference's {@code locatorCacheTimeout}, else from the locator. Fails with
     * NotRegisteredException when the locator does not know the adapter or object, or with the
     * LocalException that kept the locator from answering.
     */
    public CompletableFuture<Resolution> resolve(ProxyReference reference) {
        int maxAge = reference.locatorCacheTimeout();
        if (!reference.adapterId().isEmpty()) {
            return resolveAdapter(reference.adapterId(), maxAge, null);
        }
        return resolveObject(reference.identity(), maxAge);
    }

    /**
     * Drops what the cache says about {@code reference} (for a well-known object resolved
     * through an adapter, both entries): its endpoints did not answer.
     */
    public void forget(ProxyReference reference) {
        if (!reference.adapterId().isEmpty()) {
            if (cache.removeAdapterEndpoints(reference.adapterId()) != null) {
                log.debug("locator cache: removed the endpoints of adapter '{}'", reference.adapterId());
            }
            return;
        }
        ProxyReference known = cache.removeObjectReference(reference.identity());
        if (known != null) {
            log.debug("locator cache: removed well-known object '{}' ({})", reference.identity(), known);
            if (known.isIndirect() && !known.adapterId().isEmpty()) {
                cache.removeAdapterEndpoints(known.adapterId());
            }
        }
    }

    /**
     * The locator's registry (its {@code getRegistry}), asked once and then remembered; null when
     * the locator has none. Registry calls try its endpoints in order and are never located.
     */
    public CompletableFuture<ObjectPrx> registry() {
        ObjectPrx known = registry;
        if (known != null) {
            return CompletableFuture.completedFuture(known);
        }
        return LocatorCalls.getRegistry(locator).thenApply(found -> {
            if (found == null) {
                return null;
            }
            ObjectPrx usable = found.ice_locator(null).ice_endpointSelection(EndpointSelectionType.ORDERED);
            registry = usable;
            return usable;
        });
    }

    private CompletableFuture<Resolution> resolveAdapter(String adapterId, int maxAge, Identity forObject) {
        List<Endpoint> cached = cache.adapterEndpoints(adapterId, maxAge);
        if (cached != null) {
            return CompletableFuture.completedFuture(new Resolution(cached, true));
        }
        return shared(adapterRequests, adapterId, () -> LocatorCalls.findAdapterById(locator, adapterId),
                (found, error) -> rememberAdapter(adapterId, found, error))
                .handle((found, error) -> {
                    List<Endpoint> endpoints = error == null ? directEndpoints(found) : List.of();
                    boolean gone = error == null ? endpoints.isEmpty() : unwrap(error) instanceof LocatorUserException;
                    if (forObject != null && gone) {
                        // The object's adapter is not active or not known: its cached reference leads nowhere.
                        cache.removeObjectReference(forObject);
                    }
                    if (error != null) {
                        throw translate(error, "object adapter", adapterId);
                    }
                    log.debug("adapter '{}' resolved by the locator to {}", adapterId, endpoints);
                    return new Resolution(endpoints, false);
                });
    }

    private CompletableFuture<Resolution> resolveObject(Identity id, int maxAge) {
        ProxyReference cached = cache.objectReference(id, maxAge);
        if (cached != null) {
            if (!cached.isIndirect()) {
                return CompletableFuture.completedFuture(new Resolution(cached.endpoints(), true));
            }
            return resolveAdapter(cached.adapterId(), maxAge, id);
        }
        return shared(objectRequests, id, () -> LocatorCalls.findObjectById(locator, id),
                (found, error) -> rememberObject(id, found, error))
                .handle((found, error) -> {
                    if (error != null) {
                        throw translate(error, "object", IdentityStrings.identityToString(id));
                    }
                    return found == null ? null : (ProxyReference) found.ice_reference();
                })
                .thenCompose(found -> {
                    log.debug("well-known object '{}' resolved by the locator to '{}'", id, found);
                    if (found == null || (found.isIndirect() && found.adapterId().isEmpty())) {
                        return CompletableFuture.completedFuture(new Resolution(List.of(), false));
                    }
                    if (!found.isIndirect()) {
                        return CompletableFuture.completedFuture(new Resolution(found.endpoints(), false));
                    }
                    return resolveAdapter(found.adapterId(), maxAge, id);
                });
    }

    /**
     * One locator request per key at a time: a newcomer gets the request in flight. The answer
     * goes to the cache before the request leaves the map, so a later caller finds one or the other.
     */
    private static <K> CompletableFuture<ObjectPrx> shared(Map<K, CompletableFuture<ObjectPrx>> inFlight, K key,
                                                           Supplier<CompletableFuture<ObjectPrx>> request,
                                                           BiConsumer<ObjectPrx, Throwable> remember) {
        CompletableFuture<ObjectPrx> mine = new CompletableFuture<>();
        CompletableFuture<ObjectPrx> theirs = inFlight.putIfAbsent(key, mine);
        if (theirs != null) {
            return theirs;
        }
        CompletableFuture<ObjectPrx> sent;
        try {
            sent = request.get();
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        sent.whenComplete((found, error) -> {
            Throwable cause = unwrap(error);
            try {
                remember.accept(found, cause);
            } finally {
                inFlight.remove(key, mine);
                if (cause != null) {
                    mine.completeExceptionally(cause);
                } else {
                    mine.complete(found);
                }
            }
        });
        return mine;
    }

    private void rememberAdapter(String adapterId, ObjectPrx found, Throwable error) {
        if (error == null) {
            List<Endpoint> endpoints = directEndpoints(found);
            if (!endpoints.isEmpty()) {
                cache.putAdapterEndpoints(adapterId, endpoints);
            }
        } else if (error instanceof LocatorUserException e && e.is(ADAPTER_NOT_FOUND)) {
            cache.removeAdapterEndpoints(adapterId);
        }
    }

    private void rememberObject(Identity id, ObjectPrx found, Throwable error) {
        if (error == null) {
            ProxyReference reference = found == null ? null : (ProxyReference) found.ice_reference();
            // A direct reference, or one through an adapter; a well-known answer is no answer.
            if (reference != null && (!reference.isIndirect() || !reference.adapterId().isEmpty())) {
                cache.putObjectReference(id, reference);
            }
        } else if (error instanceof LocatorUserException e && e.is(OBJECT_NOT_FOUND)) {
            cache.removeObjectReference(id);
        }
    }

    private static List<Endpoint> directEndpoints(ObjectPrx found) {
        return found == null ? List.of() : ((ProxyReference) found.ice_reference()).endpoints();
    }

    /** As Ice: the locator's "not found" is NotRegisteredException; a LocalException passes as it is. */
    private static RuntimeException translate(Throwable error, String kindOfObject, String id) {
        Throwable cause = unwrap(error);
        if (cause instanceof LocatorUserException e && (e.is(ADAPTER_NOT_FOUND) || e.is(OBJECT_NOT_FOUND))) {
            return new NotRegisteredException(kindOfObject, id, e);
        }
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        return new CompletionException(cause);
    }

    private static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }
}
