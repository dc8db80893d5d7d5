package io.floe.internal.dispatch;

import io.floe.AlreadyRegisteredException;
import io.floe.CommunicatorDestroyedException;
import io.floe.ObjectAdapter;
import io.floe.internal.Instance;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/** The object adapters of a communicator, and its shutdown. */
public final class AdapterRegistry {
    private final Instance instance;
    private final Map<String, Adapter> adapters = new ConcurrentHashMap<>();
    private final CountDownLatch shutdown = new CountDownLatch(1);
    private final AtomicBoolean shuttingDown = new AtomicBoolean();

    public AdapterRegistry(Instance instance) {
        this.instance = instance;
    }

    public ObjectAdapter create(String name, String endpoints) {
        if (shuttingDown.get()) {
            throw new CommunicatorDestroyedException("the communicator is shut down");
        }
        if (adapters.containsKey(name)) {
            throw new AlreadyRegisteredException("object adapter '" + name + "'");
        }
        Adapter adapter = new Adapter(instance, name, endpoints);
        if (adapters.putIfAbsent(name, adapter) != null) {
            adapter.deactivate();
            throw new AlreadyRegisteredException("object adapter '" + name + "'");
        }
        return adapter;
    }

    void removed(Adapter adapter) {
        adapters.remove(adapter.name(), adapter);
        adapter.deactivateServantLocators();
    }

    /**
     * Deactivates every adapter without waiting (a servant may call it from a dispatch);
     * {@link #waitForShutdown} returns once they are all deactivated.
     */
    public void shutdown() {
        if (!shuttingDown.compareAndSet(false, true)) {
            return;
        }
        List<Adapter> all = new ArrayList<>(adapters.values());
        all.forEach(Adapter::deactivate);
        Thread waiter = new Thread(() -> {
            all.forEach(Adapter::waitForDeactivate);
            shutdown.countDown();
        }, "floe-shutdown");
        waiter.setDaemon(true);
        waiter.start();
    }

    public void waitForShutdown() {
        try {
            shutdown.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean isShutdown() {
        return shutdown.getCount() == 0;
    }
}
