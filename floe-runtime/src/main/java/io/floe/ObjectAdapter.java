package io.floe;

import java.util.List;

/**
 * Listens on endpoints and dispatches the requests that arrive there to servants, found by
 * identity and facet. Created by {@link Communicator#createObjectAdapter}; thread-safe.
 */
public interface ObjectAdapter {
    String name();

    Communicator communicator();

    /** Registers a servant for the default facet; returns a proxy for it. */
    ObjectPrx add(Servant servant, Identity id);

    ObjectPrx addFacet(Servant servant, Identity id, String facet);

    /** Removes the servant of the default facet; returns it. */
    Servant remove(Identity id);

    Servant removeFacet(Identity id, String facet);

    Servant find(Identity id);

    Servant findFacet(Identity id, String facet);

    /**
     * Starts accepting connections on every endpoint. With an {@code <adapter>.AdapterId} and a
     * locator, first registers the published endpoints with the locator's registry (once; a later
     * call only starts accepting), blocking until the registry answered.
     *
     * @throws NotRegisteredException the registry does not know the adapter id (IceGrid with
     *         dynamic registration off) or the {@code <adapter>.ReplicaGroupId}; activate may be
     *         called again
     * @throws ObjectAdapterIdInUseException another adapter with this id is active
     */
    void activate();

    /**
     * Stops accepting, waits for dispatches in progress to answer, then closes each connection
     * with CloseConnection. An adapter registered with a locator clears its endpoints there
     * first ({@link #waitForDeactivate} returns after that).
     */
    void deactivate();

    void waitForDeactivate();

    boolean isDeactivated();

    /** The endpoints it listens on, with the actual port when 0 was asked for, such as
     *  {@code tcp -h 127.0.0.1 -p 10000 -t 60000}. */
    List<String> endpoints();

    /**
     * A proxy for {@code id}: indirect ({@code id @ AdapterId}, or {@code @ ReplicaGroupId} when
     * set) when the adapter has an {@code <adapter>.AdapterId}, else with its published endpoints.
     * Proxies returned by {@link #add} are made the same way.
     */
    ObjectPrx createProxy(Identity id);

    /** A proxy for {@code id} with this adapter's published endpoints, whatever its AdapterId. */
    ObjectPrx createDirectProxy(Identity id);

    /**
     * A proxy for {@code id} with this adapter's {@code AdapterId} and no endpoints (with an
     * empty AdapterId: a well-known proxy), resolved through the adapter's locator.
     */
    ObjectPrx createIndirectProxy(Identity id);

    /**
     * The locator with which {@link #activate} registers this adapter's endpoints when it has an
     * {@code <adapter>.AdapterId}: {@code <adapter>.Locator}, else {@code Ice.Default.Locator};
     * null when there is none.
     */
    ObjectPrx locator();

    /**
     * Registers {@code servant} for every identity of {@code category} ("" : of any category)
     * that has no entry in the active servant map. Raises AlreadyRegisteredException when the
     * category has one.
     */
    void addDefaultServant(Servant servant, String category);

    /** Removes the default servant of {@code category} and returns it; NotRegisteredException if none. */
    Servant removeDefaultServant(String category);

    /** The default servant of exactly {@code category}, or null. */
    Servant findDefaultServant(String category);

    /**
     * Registers {@code locator} for the identities of {@code category} ("" : the default
     * locator, for categories without their own). Raises AlreadyRegisteredException when the
     * category has one.
     */
    void addServantLocator(ServantLocator locator, String category);

    /** Removes the locator of {@code category} and returns it; NotRegisteredException if none. */
    ServantLocator removeServantLocator(String category);

    /** The locator of exactly {@code category}, or null. */
    ServantLocator findServantLocator(String category);

    /** Adds {@code interceptor} inside those already added; it applies to dispatches that start afterwards. */
    void addDispatchInterceptor(DispatchInterceptor interceptor);

    /** Removes {@code interceptor}; false when it was not added. */
    boolean removeDispatchInterceptor(DispatchInterceptor interceptor);
}
