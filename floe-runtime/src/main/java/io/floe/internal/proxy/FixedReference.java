package io.floe.internal.proxy;

import static java.util.Objects.requireNonNull;

import io.floe.Communicator;
import io.floe.Connection;
import io.floe.EncodingVersion;
import io.floe.EndpointSelectionType;
import io.floe.FixedProxyException;
import io.floe.Identity;
import io.floe.InvocationFuture;
import io.floe.InvocationMode;
import io.floe.ObjectPrx;
import io.floe.OperationMode;
import io.floe.Reference;
import io.floe.encoding.Decoder;
import io.floe.encoding.Encoder;
import io.floe.encoding.FormatType;
import io.floe.encoding.OutputStream;
import io.floe.encoding.UserExceptionFactory;
import io.floe.internal.Instance;
import io.floe.internal.transport.ConnectionHandle;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The target of a fixed proxy ({@code Connection.createProxy}, {@code ice_fixed}): an identity,
 * a facet and call settings, bound to one connection instead of endpoints. Its calls go over
 * that connection or fail, never retried elsewhere; it prints without endpoints
 * ({@code cb -t -e 1.1}) and cannot be marshaled, as in Ice (FixedProxyException).
 */
public final class FixedReference implements Reference {
    private static final LocatorOptions NO_LOCATOR = new LocatorOptions(null, 0); // nothing to resolve

    private final Instance instance;
    private final Identity identity;
    private final String facet;
    private final ProxyOptions options;
    private final io.floe.internal.transport.Connection connection;

    private FixedReference(Instance instance, Identity identity, String facet, ProxyOptions options,
                           io.floe.internal.transport.Connection connection) {
        this.instance = requireNonNull(instance, "instance");
        this.identity = requireNonNull(identity, "identity");
        if (identity.name().isEmpty()) {
            throw new IllegalArgumentException("identity " + identity + " (expected: a non-empty name)");
        }
        this.facet = facet == null ? "" : facet;
        // Only what Ice's fixed references keep: the rest is about choosing a connection.
        this.options = new ProxyOptions(options.mode(), options.secure(), options.encoding(), options.context(),
                options.invocationTimeout(), EndpointSelectionType.RANDOM, true, "", options.compress(), NO_LOCATOR);
        this.connection = requireNonNull(connection, "connection");
    }

    /** {@code Connection.createProxy}: twoway, with the communicator's defaults. */
    public static FixedReference create(Instance instance, Identity id, io.floe.internal.transport.Connection connection) {
        return new FixedReference(instance, id, "", new ProxyOptions(InvocationMode.TWOWAY, false,
                instance.defaultEncoding(), Map.of(), instance.defaultInvocationTimeout(),
                EndpointSelectionType.RANDOM, true, "", null, NO_LOCATOR), connection);
    }

    /** {@code ice_fixed}: the settings of {@code options}, bound to {@code connection}. */
    static FixedReference of(Instance instance, Identity id, String facet, ProxyOptions options,
                             Connection connection) {
        return new FixedReference(instance, id, facet, options,
                ConnectionHandle.unwrap(requireNonNull(connection, "connection")));
    }

    private FixedReference with(ProxyOptions newOptions) {
        return new FixedReference(instance, identity, facet, newOptions, connection);
    }

    private static FixedProxyException cannotChange(String what) {
        return new FixedProxyException("a fixed proxy has no " + what + " to change: it is bound to its connection");
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
    public Reference withIdentity(Identity newIdentity) {
        return new FixedReference(instance, newIdentity, facet, options, connection);
    }

    @Override
    public Reference withFacet(String newFacet) {
        return new FixedReference(instance, identity, newFacet, options, connection);
    }

    @Override
    public Reference withContext(Map<String, String> newContext) {
        return with(options.withContext(newContext));
    }

    @Override
    public boolean secure() {
        return options.secure();
    }

    @Override
    public Reference withSecure(boolean secure) {
        return with(options.withSecure(secure));
    }

    @Override
    public EncodingVersion encoding() {
        return options.encoding();
    }

    @Override
    public Reference withEncoding(EncodingVersion newEncoding) {
        return with(options.withEncoding(newEncoding));
    }

    @Override
    public List<String> endpointStrings() {
        return List.of();
    }

    @Override
    public Reference withEndpoints(List<String> newEndpoints) {
        if (newEndpoints.isEmpty()) {
            return this; // as Ice: the same (no) endpoints change nothing
        }
        throw cannotChange("endpoints");
    }

    @Override
    public String adapterId() {
        return "";
    }

    @Override
    public Reference withAdapterId(String newAdapterId) {
        if (newAdapterId == null || newAdapterId.isEmpty()) {
            return this;
        }
        throw cannotChange("adapter id");
    }

    @Override
    public ObjectPrx locator() {
        return null;
    }

    @Override
    public Reference withLocator(ObjectPrx newLocator) {
        throw cannotChange("locator");
    }

    @Override
    public int locatorCacheTimeout() {
        return 0; // as Ice's fixed references: nothing is ever resolved
    }

    @Override
    public Reference withLocatorCacheTimeout(int seconds) {
        throw cannotChange("locator cache");
    }

    @Override
    public EndpointSelectionType endpointSelection() {
        return options.endpointSelection();
    }

    @Override
    public Reference withEndpointSelection(EndpointSelectionType type) {
        if (type == options.endpointSelection()) {
            return this;
        }
        throw cannotChange("endpoint selection");
    }

    @Override
    public boolean connectionCached() {
        return true;
    }

    @Override
    public Reference withConnectionCached(boolean cached) {
        if (cached) {
            return this;
        }
        throw cannotChange("connection caching");
    }

    @Override
    public String connectionId() {
        return "";
    }

    @Override
    public Reference withConnectionId(String id) {
        if (id == null || id.isEmpty()) {
            return this;
        }
        throw cannotChange("connection id");
    }

    @Override
    public Optional<Boolean> compressOverride() {
        return Optional.ofNullable(options.compress());
    }

    @Override
    public Reference withCompress(boolean compress) {
        return with(options.withCompress(compress));
    }

    /** The proxy's ice_compress, or else the connection's endpoint's {@code -z}. */
    boolean compress() {
        return options.compress() != null ? options.compress() : connection.endpoint().compress();
    }

    @Override
    public InvocationMode mode() {
        return options.mode();
    }

    @Override
    public Reference withMode(InvocationMode newMode) {
        return with(options.withMode(newMode));
    }

    @Override
    public int invocationTimeout() {
        return options.invocationTimeout();
    }

    @Override
    public Reference withInvocationTimeout(int timeoutMillis) {
        return with(options.withInvocationTimeout(timeoutMillis));
    }

    @Override
    public CompletableFuture<Void> flushBatchRequests() {
        return connection.flushBatch();
    }

    @Override
    public <R> InvocationFuture<R> invoke(String operation, OperationMode opMode, FormatType format, Encoder params,
                                          Decoder<R> results, UserExceptionFactory exceptions,
                                          Map<String, String> callContext) {
        Map<String, String> context = callContext != null ? callContext
                : instance.clientDefaults().requestContext(options.context());
        return new FixedInvocation<R>(instance, this, connection).invoke(operation, opMode, format, params, results,
                exceptions, context);
    }

    @Override
    public CompletableFuture<Connection> connection() {
        CompletableFuture<Connection> result = new CompletableFuture<>();
        // As Ice: a fixed proxy whose connection closed raises why.
        if (connection.isClosing() && connection.closeReason() != null) {
            result.completeExceptionally(connection.closeReason());
        } else {
            result.complete(connection.handle());
        }
        return result;
    }

    @Override
    public Connection cachedConnection() {
        return connection.handle();
    }

    @Override
    public Reference withFixedConnection(Connection newConnection) {
        return of(instance, identity, facet, options, newConnection);
    }

    @Override
    public boolean isFixed() {
        return true;
    }

    /** A fixed proxy exists only for its connection: it cannot travel (ice-protocol.md §3.9). */
    @Override
    public void write(OutputStream out) {
        throw new FixedProxyException("cannot marshal the fixed proxy '" + this + "': it is bound to "
                + connection + " and has no endpoints");
    }

    @Override
    public ObjectPrx toProxy() {
        return new UntypedProxy(this);
    }

    /** As Ice prints a fixed proxy: no endpoints, e.g. {@code callback -t -e 1.1}. */
    @Override
    public String toString() {
        return new ProxyReference(instance, identity, facet, options.mode(), options.secure(), options.encoding(),
                List.of(), "", Map.of()).toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FixedReference r && identity.equals(r.identity) && facet.equals(r.facet)
                && options.equals(r.options) && connection == r.connection;
    }

    @Override
    public int hashCode() {
        return Objects.hash(identity, facet, options.mode(), System.identityHashCode(connection));
    }
}
