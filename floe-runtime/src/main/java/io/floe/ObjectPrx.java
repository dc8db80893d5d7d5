package io.floe;

import io.floe.encoding.UserExceptionFactory;
import java.util.Map;
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

    default CompletableFuture<Void> ice_pingAsync() {
        return ice_reference().invoke("ice_ping", OperationMode.NONMUTATING, null, null, null,
                UserExceptionFactory.NONE, null);
    }

    default void ice_ping() {
        awaitLocal(ice_pingAsync());
    }

    default CompletableFuture<Boolean> ice_isAAsync(String typeId) {
        return ice_reference().invoke("ice_isA", OperationMode.NONMUTATING, null,
                out -> out.writeString(typeId), in -> in.readBool(), UserExceptionFactory.NONE, null);
    }

    default boolean ice_isA(String typeId) {
        return awaitLocal(ice_isAAsync(typeId));
    }

    default CompletableFuture<String> ice_idAsync() {
        return ice_reference().invoke("ice_id", OperationMode.NONMUTATING, null, null,
                in -> in.readString(), UserExceptionFactory.NONE, null);
    }

    default String ice_id() {
        return awaitLocal(ice_idAsync());
    }

    default CompletableFuture<String[]> ice_idsAsync() {
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

    /** The proxy itself, or null when {@code proxy} is null; no remote call. */
    static ObjectPrx uncheckedCast(ObjectPrx proxy) {
        return proxy;
    }

    /** The proxy when the object answers {@code ice_isA("::Ice::Object")}; always true. */
    static ObjectPrx checkedCast(ObjectPrx proxy) {
        return proxy == null ? null : (proxy.ice_isA(OBJECT_TYPE_ID) ? proxy : null);
    }
}
