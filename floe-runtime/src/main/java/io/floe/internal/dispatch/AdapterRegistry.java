package io.floe.internal.dispatch;

import io.floe.AlreadyRegisteredException;
import io.floe.CommunicatorDestroyedException;
import io.floe.Identity;
import io.floe.ObjectAdapter;
import io.floe.internal.Instance;
import io.floe.internal.endpoint.TcpEndpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/** The object adapters of a communicator, and its shutdown. */
public final class AdapterRegistry {
    private final Instance instance;
    private final Map<String, Adapter> adapters = new ConcurrentHashMap<>();
    private final CountDownLatch shutdown = new CountDownLatch(1);
    private final AtomicBoolean shuttingDown = new AtomicBoolean();
    private final AtomicLong nameless = new AtomicLong();
    private final boolean collocationOptimized;

    public AdapterRegistry(Instance instance) {
        this.instance = instance;
        this.collocationOptimized = instance.properties().getInt("Ice.Default.CollocationOptimized", 1) > 0;
    }

    public ObjectAdapter create(String name, String endpoints) {
        if (shuttingDown.get()) {
            throw new CommunicatorDestroyedException("the communicator is shut down");
        }
        if (adapters.containsKey(name)) {
            throw new AlreadyRegisteredException("object adapter '" + name + "'");
        }
        Adapter adapter = new Adapter(instance, name, endpoints);
        // As Ice, nameless adapters may be many: each gets a key of its own.
        String key = name.isEmpty() ? "\0" + nameless.incrementAndGet() : name;
        if (adapters.putIfAbsent(key, adapter) != null) {
            adapter.deactivate();
            throw new AlreadyRegisteredException("object adapter '" + name + "'");
        }
        return adapter;
    }

    void removed(Adapter adapter) {
        adapters.values().remove(adapter);
        adapter.deactivateServantLocators();
    }

    /**
     * The active adapter of this communicator that serves one of {@code endpoints}, for a
     * collocated call; null when there is none or {@code Ice.Default.CollocationOptimized} is 0.
     */
    public Adapter collocatedWith(List<TcpEndpoint> endpoints) {
        if (!collocationOptimized || adapters.isEmpty()) {
            return null;
        }
        for (Adapter adapter : adapters.values()) {
            for (TcpEndpoint endpoint : endpoints) {
                if (adapter.listensOn(endpoint)) {
                    return adapter;
                }
            }
        }
        return null;
    }

    /**
     * For an indirect proxy, as Ice's {@code ObjectAdapter.isLocal}: the active adapter of this
     * communicator whose AdapterId or ReplicaGroupId is {@code adapterId}, or (well-known, no
     * adapter id) that has a servant for {@code identity}; null when there is none or collocation
     * is off.
     */
    public Adapter collocatedWith(Identity identity, String adapterId) {
        if (!collocationOptimized || adapters.isEmpty()) {
            return null;
        }
        for (Adapter adapter : adapters.values()) {
            if (adapterId.isEmpty() ? adapter.hasServant(identity) : adapter.isLocatedAs(adapterId)) {
                return adapter;
            }
        }
        return null;
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
