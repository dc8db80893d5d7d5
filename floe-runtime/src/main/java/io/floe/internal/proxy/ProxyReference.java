package io.floe.internal.proxy;

import io.floe.InvocationMode;
import static java.util.Objects.requireNonNull;

import io.floe.Communicator;
import io.floe.FeatureNotSupportedException;
import io.floe.InvocationTimeoutException;
import io.floe.EncodingVersion;
import io.floe.EndpointSelectionType;
import io.floe.InvocationFuture;
import io.floe.LocalException;
import io.floe.Identity;
import io.floe.NoEndpointException;
import io.floe.ObjectPrx;
import io.floe.OperationMode;
import io.floe.Reference;
import io.floe.TwowayOnlyException;
import io.floe.encoding.Decoder;
import io.floe.encoding.Encoder;
import io.floe.encoding.FormatType;
import io.floe.encoding.OutputStream;
import io.floe.encoding.UserExceptionFactory;
import io.floe.internal.Instance;
import io.floe.internal.dispatch.Adapter;
import io.floe.internal.endpoint.Endpoint;
import io.floe.internal.endpoint.TcpEndpoint;
import io.floe.internal.invoke.CollocatedInvocation;
import io.floe.internal.invoke.RequestEncoder;
import io.floe.internal.locator.LocatorResolver;
import io.floe.internal.transport.Connection;
import io.floe.internal.transport.Connector;
import io.floe.protocol.RequestHeader;
import io.netty.buffer.ByteBuf;
import io.netty.util.Timeout;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;

/**
 * An immutable direct or indirect proxy target (identity, facet, endpoints or adapter id) and
 * how it is called ({@link ProxyOptions}). The only mutable part is the endpoint whose
 * connection the reference last used, which is a cache: it is never compared nor encoded.
 */
public final class ProxyReference implements Reference {
    private final Instance instance;
    private final Identity identity;
    private final String facet;
    private final List<Endpoint> endpoints;
    private final List<TcpEndpoint> tcpEndpoints; // the reachable ones, computed once: every call asks
    private final String adapterId;
    private final ProxyOptions options;
    private final AtomicReference<TcpEndpoint> cachedEndpoint = new AtomicReference<>();

    /** A reference with the communicator's defaults for everything a proxy string does not say. */
    public ProxyReference(Instance instance, Identity identity, String facet, InvocationMode mode,
                          boolean secure, EncodingVersion encoding, List<? extends Endpoint> endpoints,
                          String adapterId, Map<String, String> context) {
        this(instance, identity, facet, endpoints, adapterId, new ProxyOptions(mode, secure, encoding, context,
                instance.defaultInvocationTimeout(), instance.clientDefaults().endpointSelection(), true, "",
                null, new LocatorOptions(inEncoding(instance.locators().defaultLocator(), encoding),
                        instance.clientDefaults().locatorCacheTimeout())));
    }

    /** As Ice: a proxy talks to its default locator in its own encoding (and caches per encoding). */
    private static ObjectPrx inEncoding(ObjectPrx locator, EncodingVersion encoding) {
        return locator == null || locator.ice_getEncodingVersion().equals(encoding) ? locator
                : locator.ice_encodingVersion(encoding);
    }

    private ProxyReference(Instance instance, Identity identity, String facet, List<? extends Endpoint> endpoints,
                           String adapterId, ProxyOptions options) {
        this.instance = requireNonNull(instance, "instance");
        this.identity = requireNonNull(identity, "identity");
        this.facet = facet == null ? "" : facet;
        this.endpoints = List.copyOf(endpoints);
        this.tcpEndpoints = tcpOnly(this.endpoints);
        this.adapterId = endpoints.isEmpty() && adapterId != null ? adapterId : "";
        this.options = requireNonNull(options, "options");
    }

    private ProxyReference with(ProxyOptions newOptions) {
        return new ProxyReference(instance, identity, facet, endpoints, adapterId, newOptions);
    }

    @Override
    public Communicator communicator() {
        return instance.communicator();
    }

    @Override
    public Identity identity() {
        return identity;
    }

    @Override
    public String facet() {
        return facet;
    }

    @Override
    public Map<String, String> context() {
        return options.context();
    }

    @Override
    public InvocationMode mode() {
        return options.mode();
    }

    @Override
    public boolean secure() {
        return options.secure();
    }

    @Override
    public EncodingVersion encoding() {
        return options.encoding();
    }

    public List<Endpoint> endpoints() {
        return endpoints;
    }

    @Override
    public List<String> endpointStrings() {
        return endpoints.stream().map(Endpoint::toString).toList();
    }

    /** The endpoints Floe can connect to, in order. */
    public List<TcpEndpoint> tcpEndpoints() {
        return tcpEndpoints;
    }

    private static List<TcpEndpoint> tcpOnly(List<Endpoint> candidates) {
        return candidates.stream().filter(TcpEndpoint.class::isInstance).map(TcpEndpoint.class::cast).toList();
    }

    @Override
    public String adapterId() {
        return adapterId;
    }

    /** No endpoints: a locator finds them (ice-protocol.md §7.2). */
    public boolean isIndirect() {
        return endpoints.isEmpty();
    }

    /** Indirect without an adapter id: the locator finds the object by its identity. */
    public boolean isWellKnown() {
        return endpoints.isEmpty() && adapterId.isEmpty();
    }

    @Override
    public ObjectPrx locator() {
        return options.locator().proxy();
    }

    @Override
    public int locatorCacheTimeout() {
        return options.locator().cacheTimeout();
    }

    /** What resolves this indirect reference; null without a locator. */
    public LocatorResolver resolver() {
        ObjectPrx locator = options.locator().proxy();
        return locator == null ? null : instance.locators().resolverFor(locator);
    }

    @Override
    public EndpointSelectionType endpointSelection() {
        return options.endpointSelection();
    }

    @Override
    public boolean connectionCached() {
        return options.connectionCached();
    }

    @Override
    public String connectionId() {
        return options.connectionId();
    }

    @Override
    public Optional<Boolean> compressOverride() {
        return Optional.ofNullable(options.compress());
    }

    /**
     * Whether requests to {@code endpoint} are compressed: the proxy's {@code ice_compress}
     * setting, or else the endpoint's {@code -z} (ice-protocol.md §2.9).
     */
    public boolean compress(TcpEndpoint endpoint) {
        return options.compress() != null ? options.compress() : endpoint.compress();
    }

    /** {@link #compress(TcpEndpoint)} for the endpoint in use, or else the first one. */
    public boolean compress() {
        TcpEndpoint current = cachedEndpoint.get();
        if (current == null) {
            List<TcpEndpoint> tcp = tcpEndpoints();
            return options.compress() != null ? options.compress() : !tcp.isEmpty() && tcp.get(0).compress();
        }
        return compress(current);
    }

    @Override
    public int invocationTimeout() {
        return options.invocationTimeout();
    }

    @Override
    public Reference withIdentity(Identity newIdentity) {
        if (requireNonNull(newIdentity, "identity").name().isEmpty()) {
            throw new IllegalArgumentException("identity " + newIdentity + " (expected: a non-empty name)");
        }
        return new ProxyReference(instance, newIdentity, facet, endpoints, adapterId, options);
    }

    @Override
    public Reference withFacet(String newFacet) {
        return new ProxyReference(instance, identity, newFacet, endpoints, adapterId, options);
    }

    @Override
    public Reference withContext(Map<String, String> newContext) {
        return with(options.withContext(newContext));
    }

    @Override
    public ProxyReference withInvocationTimeout(int timeoutMillis) {
        return with(options.withInvocationTimeout(timeoutMillis));
    }

    @Override
    public ProxyReference withMode(InvocationMode newMode) {
        return with(options.withMode(newMode));
    }

    @Override
    public ProxyReference withSecure(boolean newSecure) {
        return with(options.withSecure(newSecure));
    }

    @Override
    public ProxyReference withEncoding(EncodingVersion newEncoding) {
        LocatorOptions locator = options.locator();
        return with(options.withEncoding(newEncoding)
                .withLocator(locator.withProxy(inEncoding(locator.proxy(), newEncoding))));
    }

    @Override
    public ProxyReference withEndpoints(List<String> newEndpoints) {
        List<Endpoint> parsed = new ArrayList<>();
        for (String text : newEndpoints) {
            parsed.add(Endpoint.parse(text, instance.defaultHost()));
        }
        if (parsed.equals(endpoints)) {
            return this; // as Ice: the same endpoints change nothing, not even the adapter id
        }
        return new ProxyReference(instance, identity, facet, parsed, "", options);
    }

    @Override
    public ProxyReference withAdapterId(String newAdapterId) {
        String id = newAdapterId == null ? "" : newAdapterId;
        if (id.equals(adapterId)) {
            return this; // as Ice: the same id changes nothing, so a direct proxy keeps its endpoints
        }
        // As Ice: a new adapter id replaces the endpoints, and "" leaves a well-known proxy.
        return new ProxyReference(instance, identity, facet, List.of(), id, options);
    }

    @Override
    public ProxyReference withLocator(ObjectPrx newLocator) {
        return with(options.withLocator(options.locator().withProxy(newLocator)));
    }

    @Override
    public ProxyReference withLocatorCacheTimeout(int seconds) {
        return with(options.withLocator(options.locator().withCacheTimeout(seconds)));
    }

    @Override
    public ProxyReference withEndpointSelection(EndpointSelectionType type) {
        return with(options.withEndpointSelection(requireNonNull(type, "type")));
    }

    @Override
    public ProxyReference withConnectionCached(boolean cached) {
        return with(options.withConnectionCached(cached));
    }

    @Override
    public ProxyReference withConnectionId(String id) {
        return with(options.withConnectionId(id));
    }

    @Override
    public ProxyReference withCompress(boolean compress) {
        // As Ice's RoutableReference.changeCompress: the endpoints' -z follows, and prints.
        List<Endpoint> rewritten = endpoints.stream()
                .map(e -> e instanceof TcpEndpoint t ? new TcpEndpoint(t.host(), t.port(), t.timeout(), compress) : e)
                .toList();
        return new ProxyReference(instance, identity, facet, rewritten, adapterId, options.withCompress(compress));
    }

    /**
     * The endpoints to try for a new attempt, in order: the one this reference used last first
     * (when connections are cached), then the others as the endpoint selection says.
     */
    List<TcpEndpoint> connectionOrder() {
        if (tcpEndpoints.size() == 1) {
            return tcpEndpoints; // the usual proxy: nothing to order, nothing to copy per call
        }
        return connectionOrder(endpoints);
    }

    /** {@link #connectionOrder()} among {@code candidates}, such as the endpoints a locator resolved. */
    List<TcpEndpoint> connectionOrder(List<Endpoint> candidates) {
        List<TcpEndpoint> order = new ArrayList<>(tcpOnly(candidates));
        if (options.endpointSelection() == EndpointSelectionType.RANDOM && order.size() > 1) {
            Collections.shuffle(order, ThreadLocalRandom.current());
        }
        TcpEndpoint cached = options.connectionCached() ? cachedEndpoint.get() : null;
        if (cached != null && order.remove(cached)) {
            order.add(0, cached);
        }
        return order;
    }

    /** The endpoint as the connector should dial it: {@code Ice.Override.ConnectTimeout} applied. */
    TcpEndpoint forConnecting(TcpEndpoint endpoint) {
        int override = instance.clientDefaults().connectTimeoutOverride();
        return override == ClientDefaults.NO_OVERRIDE ? endpoint
                : new TcpEndpoint(endpoint.host(), endpoint.port(), override, endpoint.compress());
    }

    /** The connector whose connections this reference shares: per connection id. */
    Connector connector() {
        return instance.connectionPools().forId(options.connectionId());
    }

    /**
     * The endpoint of the connection this reference used last, while that connection is open
     * (connections cached); null otherwise. An indirect reference keeps using it, as an Ice proxy
     * keeps its connection, and asks its locator again only to make a new one.
     */
    TcpEndpoint connectedEndpoint() {
        TcpEndpoint last = options.connectionCached() ? cachedEndpoint.get() : null;
        return last != null && connector().isConnected(forConnecting(last)) ? last : null;
    }

    void rememberConnection(TcpEndpoint endpoint) {
        if (options.connectionCached()) {
            cachedEndpoint.set(endpoint);
        }
    }

    void forgetConnection(TcpEndpoint endpoint) {
        cachedEndpoint.compareAndSet(endpoint, null);
    }

    @Override
    public <R> InvocationFuture<R> invoke(String operation, OperationMode opMode, FormatType format,
                                          Encoder params, Decoder<R> results,
                                          UserExceptionFactory exceptions, Map<String, String> callContext) {
        InvocationMode mode = options.mode();
        List<TcpEndpoint> reachable = tcpEndpoints();
        Adapter collocated = isIndirect() ? instance.adapters().collocatedWith(identity, adapterId)
                : instance.adapters().collocatedWith(reachable);
        if (collocated != null) {
            InvocationFuture<R> future = new InvocationFuture<>(CompletableFuture.completedFuture(true),
                    instance.clientExecutor());
            CollocatedInvocation.invoke(instance, collocated,
                    new CollocatedInvocation.Target(identity, facet, mode != InvocationMode.TWOWAY,
                            options.encoding(), options.context()),
                    operation, opMode, format, params, results, exceptions,
                    requestContext(callContext))
                    .whenComplete((v, e) -> {
                        if (e != null) {
                            future.completeExceptionally(e);
                        } else {
                            future.complete(v);
                        }
                    });
            return future;
        }
        LocalException refused = refusal(operation, mode, reachable, results != null);
        if (refused != null) {
            InvocationFuture<R> future = new InvocationFuture<>(new CompletableFuture<>(), instance.clientExecutor());
            future.completeExceptionally(refused);
            return future;
        }
        ByteBuf message;
        try {
            RequestHeader header = new RequestHeader(0, identity, facet, operation, opMode,
                    requestContext(callContext));
            message = RequestEncoder.encode(header, options.encoding(), format == null ? FormatType.DEFAULT : format,
                    instance.defaultFormat(), params);
        } catch (RuntimeException e) {
            InvocationFuture<R> future = new InvocationFuture<>(new CompletableFuture<>(), instance.clientExecutor());
            future.completeExceptionally(e);
            return future;
        }
        // A compressing proxy or -z endpoint asks for compression (ice-protocol.md §2.9).
        if (compress()) {
            RequestEncoder.askForCompression(message);
        }
        if (mode == InvocationMode.BATCH_ONEWAY) {
            return queueBatch(message);
        }
        boolean oneway = mode == InvocationMode.ONEWAY;
        Invocation<R> invocation = new Invocation<>(instance, this, operation, opMode, results, exceptions, message,
                oneway);
        if (!oneway && options.invocationTimeout() > 0) {
            expireAfter(invocation, operation);
        }
        invocation.start();
        return invocation.future();
    }

    /**
     * What a request carries, as Ice 3.7 does (C++ and Java Outgoing.prepare, confirmed against
     * Python Ice): an explicit call context alone; else the proxy's context over the implicit one.
     */
    private Map<String, String> requestContext(Map<String, String> callContext) {
        return callContext != null ? callContext : instance.clientDefaults().requestContext(options.context());
    }

    /**
     * Batch oneway (ice-protocol.md §2.4): the request waits on its connection until the batch is
     * flushed (ice_flushBatchRequests, Communicator.flushBatchRequests or Ice.BatchAutoFlushSize).
     */
    @Override
    public CompletableFuture<Void> flushBatchRequests() {
        CompletableFuture<Void> flushed = new CompletableFuture<>();
        if (isIndirect() ? resolver() == null : tcpEndpoints().isEmpty()) {
            flushed.complete(null); // nothing can have been queued
            return flushed;
        }
        // Through whenConnected, so the flush is ordered after requests still waiting to connect.
        whenConnectedToFirst((connection, error) -> {
            if (error != null) {
                flushed.completeExceptionally(error);
            } else {
                connection.flushBatch().whenComplete((v, e) -> {
                    if (e != null) {
                        flushed.completeExceptionally(e);
                    } else {
                        flushed.complete(null);
                    }
                });
            }
        });
        return flushed;
    }

    @Override
    public CompletableFuture<io.floe.Connection> connection() {
        List<TcpEndpoint> reachable = tcpEndpoints();
        Adapter collocated = isIndirect() ? instance.adapters().collocatedWith(identity, adapterId)
                : instance.adapters().collocatedWith(reachable);
        if (collocated != null) {
            return CompletableFuture.completedFuture(null); // as Ice: collocated calls have no connection
        }
        LocalException refused = refusal("ice_getConnection", options.mode(), reachable, false);
        if (refused != null) {
            return CompletableFuture.failedFuture(refused);
        }
        if (!isIndirect()) {
            return ConnectionRequest.open(this, connectionOrder());
        }
        return resolver().resolve(this).thenCompose(resolution -> {
            List<TcpEndpoint> order = connectionOrder(resolution.endpoints());
            if (order.isEmpty()) {
                return CompletableFuture.failedFuture(new NoEndpointException("proxy '" + this
                        + "': its locator knows no tcp endpoint for it (resolved: " + resolution.endpoints() + ")"));
            }
            return ConnectionRequest.open(this, order);
        });
    }

    @Override
    public io.floe.Connection cachedConnection() {
        TcpEndpoint cached = options.connectionCached() ? cachedEndpoint.get() : null;
        io.floe.internal.transport.Connection connection = cached == null ? null
                : connector().cached(forConnecting(cached));
        return connection == null ? null : connection.handle();
    }

    @Override
    public Reference withFixedConnection(io.floe.Connection connection) {
        return FixedReference.of(instance, identity, facet, options, connection);
    }

    @Override
    public boolean isFixed() {
        return false;
    }

    private <R> InvocationFuture<R> queueBatch(ByteBuf message) {
        InvocationFuture<R> future = new InvocationFuture<>(CompletableFuture.completedFuture(true),
                instance.clientExecutor());
        whenConnectedToFirst((connection, error) -> {
            if (error != null) {
                message.release();
                future.completeExceptionally(error);
            } else {
                connection.queueBatch(message);
                future.complete(null);
            }
        });
        return future;
    }

    /**
     * Batches go to the connection of the first endpoint: this reference's own, or the first one
     * its locator resolves (ice-protocol.md §2.4).
     */
    private void whenConnectedToFirst(BiConsumer<Connection, Throwable> action) {
        if (!isIndirect()) {
            List<TcpEndpoint> reachable = tcpEndpoints();
            if (reachable.isEmpty()) {
                action.accept(null, new NoEndpointException("proxy '" + this + "' has no tcp endpoint"));
            } else {
                connector().whenConnected(forConnecting(reachable.get(0)), action);
            }
            return;
        }
        resolver().resolve(this).whenComplete((resolution, error) -> {
            List<TcpEndpoint> resolved = error == null ? tcpOnly(resolution.endpoints()) : List.of();
            if (error != null) {
                action.accept(null, error instanceof CompletionException && error.getCause() != null
                        ? error.getCause() : error);
            } else if (resolved.isEmpty()) {
                action.accept(null, new NoEndpointException("proxy '" + this + "': its locator knows no tcp"
                        + " endpoint for it (resolved: " + resolution.endpoints() + ")"));
            } else {
                connector().whenConnected(forConnecting(resolved.get(0)), action);
            }
        });
    }

    /** Why a call cannot even be attempted, or null. */
    private LocalException refusal(String operation, InvocationMode mode, List<TcpEndpoint> reachable,
                                   boolean hasResults) {
        if (endpoints.isEmpty() && options.locator().proxy() == null) {
            return new NoEndpointException("proxy '" + this + "' is indirect and has no locator (expected:"
                    + " Ice.Default.Locator or ice_locator(...))");
        }
        if (!endpoints.isEmpty() && reachable.isEmpty()) {
            return new NoEndpointException("proxy '" + this + "' has no tcp endpoint (expected: at least one;"
                    + " other transports are not supported)");
        }
        if (options.secure()) {
            return new NoEndpointException("proxy '" + this + "' is secure and has no ssl endpoint"
                    + " (ssl is not supported yet)");
        }
        return modeRefusal(operation, mode, hasResults, "proxy", this);
    }

    /**
     * Why {@code mode} cannot call {@code operation} (datagram, or oneway with results), or null;
     * {@code kind} and {@code target} name the proxy in the error, printed only when there is one.
     */
    static LocalException modeRefusal(String operation, InvocationMode mode, boolean hasResults, String kind,
                                      Object target) {
        if (mode != InvocationMode.TWOWAY && mode != InvocationMode.ONEWAY && mode != InvocationMode.BATCH_ONEWAY) {
            return new FeatureNotSupportedException(mode + " invocations are not supported yet (" + kind + " '"
                    + target + "'): use ice_twoway(), ice_oneway() or ice_batchOneway()");
        }
        if (mode != InvocationMode.TWOWAY && hasResults) {
            return new TwowayOnlyException(operation + " has results, so it cannot be called " + mode);
        }
        return null;
    }

    /**
     * Fails the invocation when no reply came within the invocation timeout (connecting and
     * retries included): the request is forgotten, a late reply is dropped, and the connection
     * stays open (ice-protocol.md §5.5).
     */
    private void expireAfter(Invocation<?> invocation, String operation) {
        int timeout = options.invocationTimeout();
        Timeout timer = instance.timer().newTimeout(t -> onClientPool(instance, () -> invocation.expire(
                new InvocationTimeoutException("no reply to " + operation + " on '" + identity + "' within "
                        + timeout + " ms (invocation timeout)"))), timeout, TimeUnit.MILLISECONDS);
        invocation.future().whenComplete((v, e) -> timer.cancel());
    }

    /**
     * Runs {@code task} on the client pool, where futures complete (the timer thread must not run
     * the application's continuations); inline once the pool is shut down.
     */
    static void onClientPool(Instance instance, Runnable task) {
        try {
            instance.clientExecutor().execute(task);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            task.run();
        }
    }

    @Override
    public void write(OutputStream out) {
        out.writeString(identity.name());
        out.writeString(identity.category());
        RequestHeader.writeFacet(out, facet);
        out.writeByte((byte) options.mode().ordinal());
        out.writeBool(options.secure());
        if (out.encoding().minor() >= 1) {
            out.writeByte((byte) 1);
            out.writeByte((byte) 0);
            out.writeByte((byte) options.encoding().major());
            out.writeByte((byte) options.encoding().minor());
        }
        out.writeSize(endpoints.size());
        for (Endpoint endpoint : endpoints) {
            endpoint.write(out);
        }
        if (endpoints.isEmpty()) {
            out.writeString(adapterId);
        }
    }

    @Override
    public ObjectPrx toProxy() {
        return new UntypedProxy(this);
    }

    /** The Ice printed form, e.g. {@code model -t -e 1.1:tcp -h 127.0.0.1 -p 10000 -t 60000}. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(quoteIfNeeded(IdentityStrings.identityToString(identity)));
        if (!facet.isEmpty()) {
            s.append(" -f ").append(quoteIfNeeded(IdentityStrings.escape(facet, false)));
        }
        s.append(' ').append(options.mode().option());
        if (options.secure()) {
            s.append(" -s");
        }
        s.append(" -e ").append(options.encoding());
        if (endpoints.isEmpty()) {
            if (!adapterId.isEmpty()) {
                s.append(" @ ").append(quoteIfNeeded(IdentityStrings.escape(adapterId, false)));
            }
        } else {
            for (Endpoint endpoint : endpoints) {
                s.append(':').append(endpoint);
            }
        }
        return s.toString();
    }

    // Ice quotes exactly when the escaped text holds a character the parser splits on.
    private static String quoteIfNeeded(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ' ' || c == ':' || c == '@') {
                return "\"" + s + "\"";
            }
        }
        return s;
    }

    /** As Ice's: every setting counts, the cached connection does not. */
    @Override
    public boolean equals(Object o) {
        return o instanceof ProxyReference r && identity.equals(r.identity) && facet.equals(r.facet)
                && endpoints.equals(r.endpoints) && adapterId.equals(r.adapterId) && options.equals(r.options);
    }

    @Override
    public int hashCode() {
        return Objects.hash(identity, facet, options.mode(), endpoints, adapterId);
    }
}
