package io.floe;

import io.floe.encoding.UserExceptionFactory;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * A proxy: a client's handle on a remote object. Generated {@code <Interface>Prx} types extend
 * it with one synchronous and one {@link CompletableFuture} method per operation. The synchronous
 * call throws exactly what the asynchronous one completes with.
 */
public interface ObjectPrx {
    String OBJECT_TYPE_ID = "::Ice::Object";

    Reference ice_reference();

    default Communicator ice_getCommunicator() {
        return ice_reference().communicator();
    }

    default Identity ice_getIdentity() {
        return ice_reference().identity();
    }

    default String ice_getFacet() {
        return ice_reference().facet();
    }

    default Map<String, String> ice_getContext() {
        return ice_reference().context();
    }

    default ObjectPrx ice_identity(Identity identity) {
        return ice_reference().withIdentity(identity).toProxy();
    }

    default ObjectPrx ice_facet(String facet) {
        return ice_reference().withFacet(facet).toProxy();
    }

    default ObjectPrx ice_context(Map<String, String> context) {
        return ice_reference().withContext(context).toProxy();
    }

    /** The stringified proxy, as Ice prints it. */
    default String ice_toString() {
        return ice_reference().toString();
    }

    default InvocationMode ice_getInvocationMode() {
        return ice_reference().mode();
    }

    default boolean ice_isTwoway() {
        return ice_reference().mode() == InvocationMode.TWOWAY;
    }

    default boolean ice_isOneway() {
        return ice_reference().mode() == InvocationMode.ONEWAY;
    }

    /** A proxy whose calls expect a reply (generated proxies return their own type). */
    default ObjectPrx ice_twoway() {
        return ice_reference().withMode(InvocationMode.TWOWAY).toProxy();
    }

    /**
     * A proxy whose calls send the request and expect no reply: the future completes once the
     * request is written; operations with results fail with TwowayOnlyException.
     */
    default ObjectPrx ice_oneway() {
        return ice_reference().withMode(InvocationMode.ONEWAY).toProxy();
    }

    /** A proxy whose calls can never be sent: datagrams are not supported (FeatureNotSupportedException). */
    default ObjectPrx ice_batchOneway() {
        return ice_reference().withMode(InvocationMode.BATCH_ONEWAY).toProxy();
    }

    /** Sends the batch oneway requests queued for this proxy's connection (ice-protocol.md §2.4). */
    default void ice_flushBatchRequests() {
        awaitLocal(ice_flushBatchRequestsAsync());
    }

    default CompletableFuture<Void> ice_flushBatchRequestsAsync() {
        return ice_reference().flushBatchRequests();
    }

    default ObjectPrx ice_datagram() {
        return ice_reference().withMode(InvocationMode.DATAGRAM).toProxy();
    }

    default ObjectPrx ice_batchDatagram() {
        return ice_reference().withMode(InvocationMode.BATCH_DATAGRAM).toProxy();
    }

    default boolean ice_isBatchOneway() {
        return ice_reference().mode() == InvocationMode.BATCH_ONEWAY;
    }

    default boolean ice_isDatagram() {
        return ice_reference().mode() == InvocationMode.DATAGRAM;
    }

    default boolean ice_isBatchDatagram() {
        return ice_reference().mode() == InvocationMode.BATCH_DATAGRAM;
    }

    default boolean ice_isSecure() {
        return ice_reference().secure();
    }

    /** A proxy that only uses secure endpoints ({@code -s}); Floe has none, so its calls fail with NoEndpointException. */
    default ObjectPrx ice_secure(boolean secure) {
        return ice_reference().withSecure(secure).toProxy();
    }

    default EncodingVersion ice_getEncodingVersion() {
        return ice_reference().encoding();
    }

    default ObjectPrx ice_encodingVersion(EncodingVersion encoding) {
        return ice_reference().withEncoding(encoding).toProxy();
    }

    /** The endpoints as Ice prints them; empty for an indirect or well-known proxy. */
    default List<String> ice_getEndpoints() {
        return ice_reference().endpointStrings();
    }

    /**
     * A proxy with these endpoints, each written as in a stringified proxy
     * ({@code "tcp -h 10.0.0.1 -p 4061"}); throws EndpointParseException for a bad one.
     */
    default ObjectPrx ice_endpoints(String... endpoints) {
        return ice_reference().withEndpoints(List.of(endpoints)).toProxy();
    }

    default String ice_getAdapterId() {
        return ice_reference().adapterId();
    }

    /** An indirect proxy for this adapter id, with no endpoints ("" makes it well-known). */
    default ObjectPrx ice_adapterId(String adapterId) {
        return ice_reference().withAdapterId(adapterId).toProxy();
    }

    /**
     * The locator ({@code ::Ice::Locator}) that finds the endpoints of this proxy when it is
     * indirect ({@code name @ adapter}, or a well-known {@code name}); by default
     * {@code Ice.Default.Locator}; null when there is none.
     */
    default ObjectPrx ice_getLocator() {
        return ice_reference().locator();
    }

    /** A proxy resolved through {@code locator} (null: none, so an indirect proxy fails with NoEndpointException). */
    default ObjectPrx ice_locator(ObjectPrx locator) {
        return ice_reference().withLocator(locator).toProxy();
    }

    /** Seconds a locator's answer is reused for this proxy: -1 forever (default), 0 never. */
    default int ice_getLocatorCacheTimeout() {
        return ice_reference().locatorCacheTimeout();
    }

    /**
     * A proxy that reuses a locator's cached answer only while it is younger than {@code seconds}
     * (-1: forever, 0: asks the locator whenever it needs a new connection).
     *
     * @throws IllegalArgumentException for a value below -1
     */
    default ObjectPrx ice_locatorCacheTimeout(int seconds) {
        return ice_reference().withLocatorCacheTimeout(seconds).toProxy();
    }

    default String ice_getConnectionId() {
        return ice_reference().connectionId();
    }

    /** A proxy whose connections are shared only with proxies of the same connection id. */
    default ObjectPrx ice_connectionId(String connectionId) {
        return ice_reference().withConnectionId(connectionId).toProxy();
    }

    default EndpointSelectionType ice_getEndpointSelection() {
        return ice_reference().endpointSelection();
    }

    default ObjectPrx ice_endpointSelection(EndpointSelectionType type) {
        return ice_reference().withEndpointSelection(type).toProxy();
    }

    default boolean ice_isConnectionCached() {
        return ice_reference().connectionCached();
    }

    /** False: each call picks an endpoint afresh instead of reusing the previous call's connection. */
    default ObjectPrx ice_connectionCached(boolean cached) {
        return ice_reference().withConnectionCached(cached).toProxy();
    }

    /** The proxy's compression setting; empty: as each endpoint's {@code -z} says. */
    default Optional<Boolean> ice_getCompress() {
        return ice_reference().compressOverride();
    }

    default ObjectPrx ice_compress(boolean compress) {
        return ice_reference().withCompress(compress).toProxy();
    }

    default int ice_getInvocationTimeout() {
        return ice_reference().invocationTimeout();
    }

    /**
     * A proxy whose twoway calls fail with InvocationTimeoutException when no reply came within
     * {@code timeoutMillis} (-1: wait forever); the connection stays open and a late reply is dropped.
     */
    default ObjectPrx ice_invocationTimeout(int timeoutMillis) {
        return ice_reference().withInvocationTimeout(timeoutMillis).toProxy();
    }

    /**
     * The connection this proxy's calls use, established if there is none yet (connecting with
     * the same endpoint order and failover as a call); null when calls are collocated. Raises
     * what connecting raised, such as ConnectionRefusedException or NoEndpointException.
     */
    default Connection ice_getConnection() {
        return awaitLocal(ice_getConnectionAsync());
    }

    /** {@link #ice_getConnection()}, completed on the client thread pool. */
    default CompletableFuture<Connection> ice_getConnectionAsync() {
        return ice_reference().connection();
    }

    /**
     * The connection the previous call of this very proxy used, if it still exists and the proxy
     * caches connections ({@link #ice_isConnectionCached}); null otherwise. Never connects.
     */
    default Connection ice_getCachedConnection() {
        return ice_reference().cachedConnection();
    }

    /**
     * A fixed proxy with this proxy's identity, facet and call settings whose calls go over
     * {@code connection} only (see {@link Connection#createProxy}).
     */
    default ObjectPrx ice_fixed(Connection connection) {
        return ice_reference().withFixedConnection(connection).toProxy();
    }

    /** Whether this proxy is bound to one connection ({@link #ice_fixed}, {@link Connection#createProxy}). */
    default boolean ice_isFixed() {
        return ice_reference().isFixed();
    }

    default InvocationFuture<Void> ice_pingAsync() {
        return ice_reference().invoke("ice_ping", OperationMode.NONMUTATING, null, null, null,
                UserExceptionFactory.NONE, null);
    }

    default void ice_ping() {
        awaitLocal(ice_pingAsync());
    }

    default InvocationFuture<Boolean> ice_isAAsync(String typeId) {
        return ice_reference().invoke("ice_isA", OperationMode.NONMUTATING, null,
                out -> out.writeString(typeId), in -> in.readBool(), UserExceptionFactory.NONE, null);
    }

    default boolean ice_isA(String typeId) {
        return awaitLocal(ice_isAAsync(typeId));
    }

    default InvocationFuture<String> ice_idAsync() {
        return ice_reference().invoke("ice_id", OperationMode.NONMUTATING, null, null,
                in -> in.readString(), UserExceptionFactory.NONE, null);
    }

    default String ice_id() {
        return awaitLocal(ice_idAsync());
    }

    default InvocationFuture<String[]> ice_idsAsync() {
        return ice_reference().invoke("ice_ids", OperationMode.NONMUTATING, null, null,
                in -> in.readStringSeq(), UserExceptionFactory.NONE, null);
    }

    default String[] ice_ids() {
        return awaitLocal(ice_idsAsync());
    }

    /**
     * Waits for a call's future and throws what it failed with: the user exception unwrapped,
     * a LocalException as it is. Generated synchronous methods call this.
     */
    static <R> R _await(CompletableFuture<R> future) throws UserException {
        try {
            return future.get();
        } catch (ExecutionException | CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof UserException user) {
                throw user;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new UnknownException(cause.toString(), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalException("interrupted while waiting for a reply", e);
        }
    }

    /** {@link #_await} for calls that declare no user exception. */
    static <R> R awaitLocal(CompletableFuture<R> future) {
        try {
            return _await(future);
        } catch (UserException e) {
            throw new UnknownUserException(e.ice_id(), e);
        }
    }

    /** The proxy for {@code facet} of the same object, or null when {@code proxy} is null; no remote call. */
    static ObjectPrx uncheckedCast(ObjectPrx proxy, String facet) {
        return proxy == null ? null : proxy.ice_facet(facet);
    }

    /** The proxy for {@code facet} when that facet exists (ice_isA succeeds), else null. */
    static ObjectPrx checkedCast(ObjectPrx proxy, String facet) {
        if (proxy == null) {
            return null;
        }
        ObjectPrx target = proxy.ice_facet(facet);
        try {
            return target.ice_isA(OBJECT_TYPE_ID) ? target : null;
        } catch (FacetNotExistException e) {
            return null;
        }
    }

    /** The proxy itself, or null when {@code proxy} is null; no remote call. */
    static ObjectPrx uncheckedCast(ObjectPrx proxy) {
        return proxy;
    }

    /** The proxy when the object answers {@code ice_isA("::Ice::Object")}; always true. */
    static ObjectPrx checkedCast(ObjectPrx proxy) {
        return proxy == null ? null : (proxy.ice_isA(OBJECT_TYPE_ID) ? proxy : null);
    }
}
