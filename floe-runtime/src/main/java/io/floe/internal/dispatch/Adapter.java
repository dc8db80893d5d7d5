package io.floe.internal.dispatch;

import io.floe.Communicator;
import io.floe.DispatchInterceptor;
import io.floe.Identity;
import io.floe.Properties;
import io.floe.InitializationException;
import io.floe.ObjectAdapter;
import io.floe.ObjectAdapterDeactivatedException;
import io.floe.ObjectPrx;
import io.floe.Servant;
import io.floe.ServantLocator;
import io.floe.internal.Instance;
import io.floe.internal.endpoint.Endpoint;
import io.floe.internal.endpoint.TcpEndpoint;
import io.floe.internal.locator.AdapterRegistration;
import io.floe.internal.endpoint.Tokenizer;
import io.floe.internal.pool.ThreadPool;
import io.floe.internal.pool.ThreadPoolSettings;
import io.floe.InvocationMode;
import io.floe.internal.proxy.ProxyReference;
import io.floe.internal.transport.Acceptor;
import io.floe.internal.transport.Connection;
import io.floe.internal.transport.ConnectionSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** An object adapter: listens on its endpoints and dispatches to its servant map. */
public final class Adapter implements ObjectAdapter {
    private static final Logger log = LoggerFactory.getLogger(Adapter.class);

    private final String name;
    private final Instance instance;
    private final ServantMap servants = new ServantMap();
    private final List<Acceptor> acceptors = new ArrayList<>();
    /** Client connections whose peer's requests this adapter dispatches ({@code Connection.setAdapter}). */
    private final Set<Connection> attached = ConcurrentHashMap.newKeySet();
    private final RequestDispatcher dispatcher;
    /** Bounds the memory of pending dispatches by default; 0 lifts the bound. */
    static final int DEFAULT_MAX_DISPATCHES = 100_000;

    private final int gracePeriodMillis;
    private final ThreadPool ownPool;
    private final ThreadPool pool;
    private final DispatchLimiter limiter;
    private final AtomicBoolean deactivating = new AtomicBoolean();
    private final CountDownLatch deactivated = new CountDownLatch(1);
    private final AtomicInteger collocatedRequestIds = new AtomicInteger();
    private final CollocatedDispatches collocated = new CollocatedDispatches();
    private final String adapterId;
    private final String replicaGroupId;
    private final ObjectPrx locator;
    private final List<Endpoint> publishedEndpoints;
    private final AdapterRegistration registration;
    /** Set by the first activate() to register with the locator; cleared again if that failed. */
    private final AtomicReference<CompletableFuture<Void>> registered = new AtomicReference<>();

    public Adapter(Instance instance, String name, String endpoints) {
        this.name = name;
        this.instance = instance;
        Properties properties = instance.properties();
        ConnectionSettings settings = instance.connectionSettings(name);
        this.gracePeriodMillis = properties.getInt(name + ".GracePeriod", 10_000);
        // As Ice, the nameless adapter may have no endpoints: it serves bidirectional connections.
        if ((endpoints == null || endpoints.isBlank()) && !name.isEmpty()) {
            throw new InitializationException("object adapter '" + name + "' has no endpoints (set "
                    + name + ".Endpoints)");
        }
        // Parsed before any thread or socket exists, so that a bad value leaves nothing behind.
        this.adapterId = properties.get(name + ".AdapterId");
        this.replicaGroupId = properties.get(name + ".ReplicaGroupId");
        String ownLocator = properties.get(name + ".Locator");
        this.locator = ownLocator.isBlank() ? instance.locators().defaultLocator() : instance.parseProxy(ownLocator);
        this.registration = new AdapterRegistration(name, adapterId, replicaGroupId,
                locator == null ? null : instance.locators().resolverFor(locator));
        this.publishedEndpoints = parsePublished(instance, properties.get(name + ".PublishedEndpoints"));
        this.ownPool = ThreadPoolSettings.isConfigured(properties, name + ".ThreadPool")
                ? ThreadPool.forDispatch(ThreadPoolSettings.read(properties, name + ".ThreadPool")) : null;
        this.pool = ownPool != null ? ownPool : instance.serverPool();
        this.limiter = new DispatchLimiter(properties.getInt(name + ".MaxDispatches", DEFAULT_MAX_DISPATCHES));
        limiter.connect(new DispatchLimiter.Valve() {
            @Override
            public void pauseReading() {
                log.warn("object adapter '{}': {} dispatches in progress (MaxDispatches); reading paused",
                        name, limiter.inFlight());
                connections().forEach(Connection::pauseReading);
            }

            @Override
            public void resumeReading() {
                log.info("object adapter '{}': reading resumed", name);
                connections().forEach(Connection::resumeReading);
            }
        });
        this.dispatcher = new RequestDispatcher(this, servants, instance.inputStreams(), limiter,
                properties.getInt("Ice.Warn.Dispatch", 1), instance.cleaner(), instance.timer(),
                properties.getInt(name + ".DispatchDeadline", 0), instance.defaultFormat());
        try {
            for (String text : endpoints == null || endpoints.isBlank() ? List.<String>of()
                    : Tokenizer.splitOutsideQuotes(endpoints, ':')) {
                TcpEndpoint endpoint = TcpEndpoint.parse(text, instance.defaultHost());
                acceptors.add(new Acceptor(instance, endpoint, dispatcher, pool, settings, limiter::isPaused));
            }
        } catch (RuntimeException e) {
            acceptors.forEach(Acceptor::stopAccepting);
            if (ownPool != null) {
                ownPool.shutdown();
            }
            throw e;
        }
    }

    private static List<Endpoint> parsePublished(Instance instance, String text) {
        List<Endpoint> parsed = new ArrayList<>();
        if (text != null && !text.isBlank()) {
            for (String part : Tokenizer.splitOutsideQuotes(text, ':')) {
                parsed.add(Endpoint.parse(part, instance.defaultHost()));
            }
        }
        return List.copyOf(parsed);
    }

    /** Every connection this adapter dispatches for: accepted ones and clients' made bidirectional. */
    private List<Connection> connections() {
        List<Connection> all = acceptedConnections();
        all.addAll(attached);
        return all;
    }

    private List<Connection> acceptedConnections() {
        List<Connection> all = new ArrayList<>();
        acceptors.forEach(a -> all.addAll(a.connections()));
        return all;
    }

    /** The collocated calls being dispatched, which a shutdown answers like those of connections. */
    public CollocatedDispatches collocatedDispatches() {
        return collocated;
    }

    /**
     * Dispatches the requests that arrive on {@code connection} (a client's, made bidirectional by
     * {@code Connection.setAdapter}) until it closes, this adapter is deactivated, or another is set.
     */
    public void attach(Connection connection) {
        checkActive();
        attached.add(connection);
        connection.closed().whenComplete((v, e) -> attached.remove(connection));
        connection.route(dispatcher, pool.forConnection());
        if (limiter.isPaused()) {
            connection.pauseReading();
        }
        if (deactivating.get() && attached.remove(connection)) {
            connection.route(null, null); // deactivated meanwhile: it may have missed this one
        }
    }

    /** The connection now dispatches elsewhere. */
    public void detach(Connection connection) {
        attached.remove(connection);
    }

    /** Where this adapter's requests are dispatched. */
    public ThreadPool dispatchPool() {
        return pool;
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
        CompletableFuture<Void> mine = new CompletableFuture<>();
        CompletableFuture<Void> earlier = registered.compareAndExchange(null, mine);
        if (earlier != null) {
            ObjectPrx.awaitLocal(earlier); // a concurrent first activate() may still be registering
        } else {
            // As Ice: the locator learns the endpoints before the first connection is accepted.
            try {
                registration.register(createDirectProxy(new Identity("dummy", "")));
                mine.complete(null);
            } catch (RuntimeException e) {
                registered.set(null); // activate() may be called again
                mine.completeExceptionally(e);
                throw e;
            }
        }
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
        // As Ice: client connections stay open but no longer dispatch here (ObjectNotExist);
        // dispatches in progress still answer.
        for (Connection connection : List.copyOf(attached)) {
            attached.remove(connection);
            connection.route(null, null);
        }
        Thread closer = new Thread(this::closeConnections, "floe-deactivate-" + name);
        closer.setDaemon(true);
        closer.start();
    }

    /**
     * Graceful deactivation (ice-protocol.md §5.2): each connection sends CloseConnection once its
     * dispatches have answered. Past the grace period every request still pending is answered
     * with an error (and its work cancelled), so no accepted request is left without an answer;
     * a peer that then does not close its end within the close timeout is disconnected.
     */
    private void closeConnections() {
        CompletableFuture<Void> registering = registered.get();
        // After a registration still in flight (so the registry cannot end up with our endpoints),
        // and before the connections close, so that clients stop resolving to them.
        if (registering != null && registering.handle((v, e) -> e == null).join()) {
            registration.unregister();
        }
        List<Connection> connections = acceptedConnections();
        ObjectAdapterDeactivatedException closing = new ObjectAdapterDeactivatedException("object adapter '"
                + name + "' deactivated");
        connections.forEach(c -> c.closeGracefully(closing));
        try {
            long graceEnd = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(gracePeriodMillis);
            boolean connectionsClosed = awaitClosed(connections, gracePeriodMillis);
            boolean collocatedAnswered = collocated.awaitNone(
                    Math.max(0, TimeUnit.NANOSECONDS.toMillis(graceEnd - System.nanoTime())));
            if (!connectionsClosed || !collocatedAnswered) {
                long pending = connections.stream().mapToLong(Connection::dispatchesInProgress).sum()
                        + collocated.size();
                log.warn("object adapter '{}': {} request(s) still pending after the grace period of {} ms;"
                        + " answering them with an error", name, pending, gracePeriodMillis);
                ObjectAdapterDeactivatedException error = new ObjectAdapterDeactivatedException("object adapter '"
                        + name + "' shut down: its grace period of " + gracePeriodMillis + " ms ended before this"
                        + " request was answered");
                connections.forEach(c -> c.answerPendingWith(error));
                collocated.answerPendingWith(error);
                if (!awaitClosed(connections, instance.connectionSettings(name).closeTimeoutMillis() + 1000L)) {
                    connections.forEach(Connection::abort);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            connections.forEach(Connection::abort);
        } finally {
            if (ownPool != null) {
                ownPool.shutdown();
            }
            instance.adapters().removed(this);
            deactivated.countDown();
        }
    }

    private static boolean awaitClosed(List<Connection> connections, long millis) throws InterruptedException {
        CompletableFuture<?>[] closing = connections.stream().map(Connection::closed).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(closing).get(millis, TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return true; // closed with an error is closed
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
        if (adapterId.isEmpty()) {
            return createDirectProxy(id);
        }
        return indirectProxy(id, replicaGroupId.isEmpty() ? adapterId : replicaGroupId);
    }

    @Override
    public ObjectPrx createDirectProxy(Identity id) {
        List<? extends Endpoint> published = publishedEndpoints.isEmpty()
                ? acceptors.stream().map(Acceptor::endpoint).toList() : publishedEndpoints;
        return new ProxyReference(instance, id, "", InvocationMode.TWOWAY, false, instance.defaultEncoding(),
                published, "", Map.of()).withLocator(locator).toProxy();
    }

    @Override
    public ObjectPrx createIndirectProxy(Identity id) {
        return indirectProxy(id, adapterId);
    }

    private ObjectPrx indirectProxy(Identity id, String locatedAs) {
        return new ProxyReference(instance, id, "", InvocationMode.TWOWAY, false, instance.defaultEncoding(),
                List.of(), locatedAs, Map.of()).withLocator(locator).toProxy();
    }

    @Override
    public ObjectPrx locator() {
        return locator;
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

    /** Whether an indirect proxy {@code @ id} reaches this active adapter: its AdapterId or ReplicaGroupId. */
    boolean isLocatedAs(String id) {
        return !deactivating.get() && !adapterId.isEmpty() && (id.equals(adapterId) || id.equals(replicaGroupId));
    }

    /** Whether this active adapter has a servant (any facet) for a well-known proxy's identity. */
    boolean hasServant(Identity id) {
        return !deactivating.get() && servants.hasIdentity(id);
    }

    /** The dispatcher its connections use; collocated calls go straight to it. */
    public RequestDispatcher dispatcher() {
        return dispatcher;
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
