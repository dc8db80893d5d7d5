package io.floe;

import io.floe.internal.Instance;

/**
 * The root of a Floe application: holds the properties, thread pools, connections and object
 * adapters. Create one with {@link #initialize}; {@link #destroy} (or close) releases everything.
 * Thread-safe.
 */
public final class Communicator implements AutoCloseable {
    private final Instance instance;

    private Communicator(Properties properties) {
        this.instance = new Instance(this, properties);
    }

    public static Communicator initialize(Properties properties) {
        return new Communicator(properties.copy());
    }

    /** Takes {@code --Name=value} arguments as properties. */
    public static Communicator initialize(String... args) {
        return initialize(Properties.fromArgs(args));
    }

    public Properties properties() {
        return instance.properties();
    }

    /** An adapter listening on {@code <name>.Endpoints}. */
    public ObjectAdapter createObjectAdapter(String name) {
        return instance.adapters().create(name, properties().get(name + ".Endpoints"));
    }

    /** An adapter listening on {@code endpoints}, such as {@code tcp -h 127.0.0.1 -p 10000}. */
    public ObjectAdapter createObjectAdapterWithEndpoints(String name, String endpoints) {
        return instance.adapters().create(name, endpoints);
    }

    /** Parses a stringified proxy such as {@code model:tcp -h 127.0.0.1 -p 10000}; "" is null. */
    public ObjectPrx stringToProxy(String proxy) {
        return instance.parseProxy(proxy);
    }

    /** The locator of the proxies this communicator makes ({@code Ice.Default.Locator}); null when none. */
    public ObjectPrx getDefaultLocator() {
        return instance.locators().defaultLocator();
    }

    /**
     * The locator of the proxies (and object adapters) this communicator makes from now on;
     * proxies made earlier keep theirs, as in Ice. Null: none.
     */
    public void setDefaultLocator(ObjectPrx locator) {
        instance.locators().setDefaultLocator(locator);
    }

    /** The context sent with every request ({@code Ice.ImplicitContext}); null for None, the default. */
    public ImplicitContext getImplicitContext() {
        return instance.clientDefaults().implicitContext();
    }

    public String proxyToString(ObjectPrx proxy) {
        return proxy == null ? "" : proxy.ice_reference().toString();
    }

    /**
     * Sends the batch-oneway requests queued on every outgoing connection, one BatchRequest per
     * connection, and returns once they are written (ice-protocol.md §2.4).
     */
    public void flushBatchRequests() {
        ObjectPrx.awaitLocal(instance.connector().flushBatchRequests());
    }

    /** Deactivates every object adapter; {@link #waitForShutdown} returns once they are done. */
    public void shutdown() {
        instance.adapters().shutdown();
    }

    public void waitForShutdown() {
        instance.adapters().waitForShutdown();
    }

    public boolean isShutdown() {
        return instance.adapters().isShutdown();
    }

    /** Shuts down, closes every connection and stops the threads. Idempotent. */
    public void destroy() {
        instance.destroy();
    }

    @Override
    public void close() {
        destroy();
    }

    /** The runtime's state; for the runtime's own packages. */
    public Instance _instance() {
        return instance;
    }
}
