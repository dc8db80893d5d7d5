package io.floe.internal.locator;

import static io.floe.internal.locator.LocatorUserException.ADAPTER_ALREADY_ACTIVE;
import static io.floe.internal.locator.LocatorUserException.ADAPTER_NOT_FOUND;
import static io.floe.internal.locator.LocatorUserException.INVALID_REPLICA_GROUP_ID;
import static io.floe.internal.locator.LocatorUserException.OBJECT_NOT_FOUND;

import io.floe.Identity;
import io.floe.ObjectPrx;
import io.floe.OperationMode;
import io.floe.encoding.FormatType;
import io.floe.encoding.InputStream;
import io.floe.encoding.UserExceptionFactory;
import java.util.concurrent.CompletableFuture;

/**
 * The operations of {@code ::Ice::Locator} and {@code ::Ice::LocatorRegistry} that Floe calls,
 * marshaled by hand because the runtime cannot depend on generated code. Modes as Locator.ice
 * declares them: the three Locator operations are {@code ["nonmutating"] idempotent} (sent as
 * Nonmutating, as Ice 3.7 does), the registry's are {@code idempotent}.
 */
final class LocatorCalls {
    private LocatorCalls() {
    }

    /** The endpoints of an adapter, as a proxy; null when it is known but not active. */
    static CompletableFuture<ObjectPrx> findAdapterById(ObjectPrx locator, String adapterId) {
        return locator.ice_reference().invoke("findAdapterById", OperationMode.NONMUTATING, FormatType.DEFAULT,
                out -> out.writeString(adapterId), InputStream::readProxy,
                LocatorUserException.factory(ADAPTER_NOT_FOUND), null);
    }

    /** A direct proxy, or one with an adapter id, for a well-known object; null when it is not active. */
    static CompletableFuture<ObjectPrx> findObjectById(ObjectPrx locator, Identity id) {
        return locator.ice_reference().invoke("findObjectById", OperationMode.NONMUTATING, FormatType.DEFAULT,
                out -> {
                    out.writeString(id.name());
                    out.writeString(id.category());
                }, InputStream::readProxy, LocatorUserException.factory(OBJECT_NOT_FOUND), null);
    }

    /** The registry where servers set their adapters' endpoints; null when the locator has none. */
    static CompletableFuture<ObjectPrx> getRegistry(ObjectPrx locator) {
        return locator.ice_reference().invoke("getRegistry", OperationMode.NONMUTATING, FormatType.DEFAULT,
                null, InputStream::readProxy, UserExceptionFactory.NONE, null);
    }

    /** Sets (a proxy with endpoints) or clears (null) the endpoints of {@code adapterId}. */
    static CompletableFuture<Void> setAdapterDirectProxy(ObjectPrx registry, String adapterId, ObjectPrx proxy) {
        return registry.ice_reference().invoke("setAdapterDirectProxy", OperationMode.IDEMPOTENT,
                FormatType.DEFAULT, out -> {
                    out.writeString(adapterId);
                    out.writeProxy(proxy);
                }, null, LocatorUserException.factory(ADAPTER_NOT_FOUND, ADAPTER_ALREADY_ACTIVE), null);
    }

    /** {@link #setAdapterDirectProxy} for an adapter that is a member of {@code replicaGroupId}. */
    static CompletableFuture<Void> setReplicatedAdapterDirectProxy(ObjectPrx registry, String adapterId,
                                                                   String replicaGroupId, ObjectPrx proxy) {
        return registry.ice_reference().invoke("setReplicatedAdapterDirectProxy", OperationMode.IDEMPOTENT,
                FormatType.DEFAULT, out -> {
                    out.writeString(adapterId);
                    out.writeString(replicaGroupId);
                    out.writeProxy(proxy);
                }, null, LocatorUserException.factory(ADAPTER_NOT_FOUND, ADAPTER_ALREADY_ACTIVE,
                        INVALID_REPLICA_GROUP_ID), null);
    }
}
