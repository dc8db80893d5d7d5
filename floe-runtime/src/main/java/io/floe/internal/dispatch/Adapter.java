package io.floe.internal.dispatch;

import io.floe.Communicator;
import io.floe.DispatchInterceptor;
import io.floe.Identity;
import io.floe.InitializationException;
import io.floe.ObjectAdapter;
import io.floe.ObjectAdapterDeactivatedException;
import io.floe.ObjectPrx;
import io.floe.Servant;
import io.floe.ServantLocator;
import io.floe.internal.Instance;
import io.floe.internal.endpoint.TcpEndpoint;
import io.floe.internal.endpoint.Tokenizer;
import io.floe.internal.proxy.InvocationMode;
import io.floe.internal.proxy.ProxyReference;
import io.floe.internal.transport.Acceptor;
import io.floe.internal.transport.Connection;
import io.floe.internal.transport.ConnectionSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** An object adapter: listens on its endpoints and dispatches to its servant map. */
public final class Adapter implements ObjectAdapter {
    private static final Logger log = LoggerFactory.getLogger(Adapter.class);

    private final String name;
    private final Instance instance;
    private final ServantMap servants = new ServantMap();
    private final List<Acceptor> acceptors = new ArrayList<>();
    private final int gracePeriodMillis;
    private final AtomicBoolean deactivating = new AtomicBoolean();
    private final CountDownLatch deactivated = new CountDownLatch(1);
    private final AtomicInteger collocatedRequestIds = new AtomicInteger();

    public Adapter(Instance instance, String name, String endpoints) {
        this.name = name;
        this.instance = instance;
        ConnectionSettings settings = instance.connectionSettings(name);
        this.gracePeriodMillis = instance.properties().getInt("Floe.GracePeriod", 10) * 1000;
        RequestDispatcher dispatcher = new RequestDispatcher(this, servants, instance.serverExecutor(),
                instance.proxyDecoder(), instance.properties().getInt("Ice.Warn.Dispatch", 1));
        if (endpoints == null || endpoints.isBlank()) {
            throw new InitializationException("object adapter '" + name + "' has no endpoints (set "
                    + name + ".Endpoints)");
        }
        try {
            for (String text : Tokenizer.splitOutsideQuotes(endpoints, ':')) {
                TcpEndpoint endpoint = TcpEndpoint.parse(text, instance.defaultHost());
                acceptors.add(new Acceptor(instance.transport(), endpoint, dispatcher,
                        instance.clientExecutor(), settings));
            }
        } catch (RuntimeException e) {
            acceptors.forEach(Acceptor::stopAccepting);
            throw e;
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Communicator communicator() {
        return instance.communicator();
    }

    @Override
    public ObjectPrx add(Servant servant, Identity id) {
        return addFacet(servant, id, "");
    }

    @Override
    public ObjectPrx addFacet(Servant servant, Identity id, String facet) {
        checkActive();
        servants.add(id, facet == null ? "" : facet, servant);
        return createProxy(id).ice_facet(facet == null ? "" : facet);
    }

    @Override
    public Servant remove(Identity id) {
        return removeFacet(id, "");
    }

    @Override
    public Servant removeFacet(Identity id, String facet) {
        return servants.remove(id, facet == null ? "" : facet);
    }

    @Override
    public Servant find(Identity id) {
        return findFacet(id, "");
    }

    @Override
    public Servant findFacet(Identity id, String facet) {
        return servants.find(id, facet == null ? "" : facet);
    }

    @Override
    public void activate() {
        checkActive();
        acceptors.forEach(Acceptor::start);
    }

    /**
     * Stops accepting at once; connections close gracefully in the background (a servant may call
     * this from its own dispatch, whose reply must still go out). {@link #waitForDeactivate} waits.
     */
    @Override
    public void deactivate() {
        if (!deactivating.compareAndSet(false, true)) {
            return;
        }
        acceptors.forEach(Acceptor::stopAccepting);
        Thread closer = new Thread(this::closeConnections, "floe-deactivate-" + name);
        closer.setDaemon(true);
        closer.start();
    }

    private void closeConnections() {
        List<Connection> connections = new ArrayList<>();
        acceptors.forEach(a -> connections.addAll(a.connections()));
        connections.forEach(Connection::closeGracefully);
        CompletableFuture<?>[] closing = connections.stream().map(Connection::closed).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(closing).get(gracePeriodMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            log.warn("object adapter '{}': {} connection(s) still busy after {} ms; closing them",
                    name, connections.stream().filter(c -> !c.closed().isDone()).count(), gracePeriodMillis);
            connections.forEach(Connection::abort);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            connections.forEach(Connection::abort);
        } catch (ExecutionException e) {
            log.debug("object adapter '{}': error while closing", name, e);
        } finally {
            instance.adapters().removed(this);
            deactivated.countDown();
        }
    }

    @Override
    public void waitForDeactivate() {
        try {
            deactivated.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isDeactivated() {
        return deactivated.getCount() == 0;
    }

    @Override
    public List<String> endpoints() {
        return acceptors.stream().map(a -> a.endpoint().toString()).toList();
    }

    @Override
    public ObjectPrx createProxy(Identity id) {
        List<TcpEndpoint> published = acceptors.stream().map(Acceptor::endpoint).toList();
        return new ProxyReference(instance, id, "", InvocationMode.TWOWAY, false, instance.defaultEncoding(),
                published, "", Map.of()).toProxy();
    }

    @Override
    public void addDefaultServant(Servant servant, String category) {
        checkActive();
        servants.router().locators().addDefaultServant(category, servant);
    }

    @Override
    public Servant removeDefaultServant(String category) {
        return servants.router().locators().removeDefaultServant(category);
    }

    @Override
    public Servant findDefaultServant(String category) {
        return servants.router().locators().findDefaultServant(category);
    }

    @Override
    public void addServantLocator(ServantLocator locator, String category) {
        checkActive();
        servants.router().locators().addLocator(category, locator);
    }

    @Override
    public ServantLocator removeServantLocator(String category) {
        return servants.router().locators().removeLocator(category);
    }

    @Override
    public ServantLocator findServantLocator(String category) {
        return servants.router().locators().findLocator(category);
    }

    @Override
    public void addDispatchInterceptor(DispatchInterceptor interceptor) {
        servants.router().addInterceptor(interceptor);
    }

    @Override
    public boolean removeDispatchInterceptor(DispatchInterceptor interceptor) {
        return servants.router().removeInterceptor(interceptor);
    }

    /** Called once deactivation is over: its locators hear {@code deactivate}. */
    void deactivateServantLocators() {
        servants.router().locators().deactivateAll(name);
    }

    /**
     * Whether a proxy endpoint reaches this adapter while it is not deactivating: the same port and the
     * same host text (case aside). No address resolution, so a proxy never lands here by mistake.
     */
    public boolean listensOn(TcpEndpoint endpoint) {
        if (deactivating.get()) {
            return false;
        }
        for (Acceptor acceptor : acceptors) {
            TcpEndpoint own = acceptor.endpoint();
            if (own.port() == endpoint.port()
                    && String.valueOf(own.host()).equalsIgnoreCase(String.valueOf(endpoint.host()))) {
                return true;
            }
        }
        return false;
    }

    /** The dispatcher its connections use; collocated calls go straight to it. */
    public RequestDispatcher dispatcher() {
        return acceptors.get(0).dispatcher();
    }

    /** A request id for a collocated twoway call: counts from 1, wraps back to 1, never 0. */
    public int nextCollocatedRequestId() {
        return collocatedRequestIds.updateAndGet(i -> i == Integer.MAX_VALUE ? 1 : i + 1);
    }

    private void checkActive() {
        if (deactivating.get()) {
            throw new ObjectAdapterDeactivatedException("object adapter '" + name + "' is deactivated");
        }
    }

    @Override
    public String toString() {
        return "object adapter '" + name + "'";
    }
}
