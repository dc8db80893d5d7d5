package io.floe.internal;

import io.floe.Communicator;
import io.floe.ObjectAdapter;
import io.floe.ObjectPrx;
import io.floe.Properties;

/** Scaffolding: the runtime core replaces this class. */
public final class Instance {
    private final Properties properties;

    public Instance(Communicator communicator, Properties properties) {
        this.properties = properties;
    }

    public Properties properties() {
        return properties;
    }

    public Adapters adapters() {
        throw new UnsupportedOperationException("runtime core not written yet");
    }

    public Proxies proxies() {
        throw new UnsupportedOperationException("runtime core not written yet");
    }

    public void destroy() {
    }

    public interface Adapters {
        ObjectAdapter create(String name, String endpoints);

        void shutdown();

        void waitForShutdown();

        boolean isShutdown();
    }

    public interface Proxies {
        ObjectPrx parse(String proxy);
    }
}
