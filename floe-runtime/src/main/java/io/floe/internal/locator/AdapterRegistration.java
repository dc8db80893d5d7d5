package io.floe.internal.locator;

import static io.floe.internal.locator.LocatorUserException.ADAPTER_ALREADY_ACTIVE;
import static io.floe.internal.locator.LocatorUserException.ADAPTER_NOT_FOUND;
import static io.floe.internal.locator.LocatorUserException.INVALID_REPLICA_GROUP_ID;

import io.floe.CommunicatorDestroyedException;
import io.floe.LocalException;
import io.floe.NotRegisteredException;
import io.floe.ObjectAdapterDeactivatedException;
import io.floe.ObjectAdapterIdInUseException;
import io.floe.ObjectPrx;
import io.floe.UnknownUserException;
import io.floe.UserException;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sets an object adapter's endpoints with its locator's registry ({@code <adapter>.AdapterId},
 * optionally {@code <adapter>.ReplicaGroupId}) and clears them again, as Ice's adapters do on
 * activation and deactivation. Blocking: the adapter calls it from the application's thread.
 */
public final class AdapterRegistration {
    private static final Logger log = LoggerFactory.getLogger(AdapterRegistration.class);

    private final String adapterName;
    private final String adapterId;
    private final String replicaGroupId;
    private final LocatorResolver resolver;

    /** {@code resolver} null or {@code adapterId} empty: there is nothing to register. */
    public AdapterRegistration(String adapterName, String adapterId, String replicaGroupId,
                               LocatorResolver resolver) {
        this.adapterName = adapterName;
        this.adapterId = adapterId == null ? "" : adapterId;
        this.replicaGroupId = replicaGroupId == null ? "" : replicaGroupId;
        this.resolver = resolver;
    }

    public boolean isEnabled() {
        return resolver != null && !adapterId.isEmpty();
    }

    /**
     * Registers {@code directProxy}'s endpoints. Throws NotRegisteredException when the registry
     * does not know the adapter id (IceGrid without dynamic registration) or the replica group,
     * ObjectAdapterIdInUseException when another adapter with this id is active, or the
     * LocalException that kept the registry from answering.
     */
    public void register(ObjectPrx directProxy) {
        if (isEnabled()) {
            update(directProxy);
            log.debug("object adapter '{}': endpoints {} registered as adapter id '{}'", adapterName,
                    directProxy.ice_getEndpoints(), adapterId);
        }
    }

    /** Clears the endpoints; a failure is logged, never thrown (deactivation goes on). */
    public void unregister() {
        if (!isEnabled()) {
            return;
        }
        try {
            update(null);
            log.debug("object adapter '{}': adapter id '{}' unregistered", adapterName, adapterId);
        } catch (LocalException e) {
            log.warn("object adapter '{}': cannot clear the endpoints of adapter id '{}' with the locator registry",
                    adapterName, adapterId, e);
        }
    }

    private void update(ObjectPrx proxy) {
        try {
            ObjectPrx registry = ObjectPrx._await(resolver.registry());
            if (registry == null) {
                log.debug("object adapter '{}': the locator {} has no registry; nothing registered", adapterName,
                        resolver.locator());
                return;
            }
            CompletableFuture<Void> call = replicaGroupId.isEmpty()
                    ? LocatorCalls.setAdapterDirectProxy(registry, adapterId, proxy)
                    : LocatorCalls.setReplicatedAdapterDirectProxy(registry, adapterId, replicaGroupId, proxy);
            ObjectPrx._await(call);
        } catch (LocatorUserException e) {
            if (e.is(ADAPTER_NOT_FOUND)) {
                throw new NotRegisteredException("object adapter", adapterId, e);
            }
            if (e.is(INVALID_REPLICA_GROUP_ID)) {
                throw new NotRegisteredException("replica group", replicaGroupId, e);
            }
            if (e.is(ADAPTER_ALREADY_ACTIVE)) {
                throw new ObjectAdapterIdInUseException(adapterId, e);
            }
            throw new UnknownUserException(e.ice_id(), e);
        } catch (ObjectAdapterDeactivatedException | CommunicatorDestroyedException e) {
            // As Ice: the registry (collocated, or this communicator) is going away; nothing to keep up to date.
            log.debug("object adapter '{}': locator registry not updated: {}", adapterName, e.toString());
        } catch (UserException e) {
            throw new UnknownUserException(e.ice_id(), e);
        }
    }
}
