package io.floe;

import io.floe.encoding.Decoder;
import io.floe.encoding.Encoder;
import io.floe.encoding.FormatType;
import io.floe.encoding.OutputStream;
import io.floe.encoding.UserExceptionFactory;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * What a proxy points at and how it calls it. Implemented by the runtime; immutable. Generated
 * proxies hold one and delegate every invocation to {@link #invoke}.
 */
public interface Reference {
    Communicator communicator();

    Identity identity();

    String facet();

    /** The proxy's own request context, sent with every call that brings none. */
    Map<String, String> context();

    Reference withIdentity(Identity identity);

    Reference withFacet(String facet);

    Reference withContext(Map<String, String> context);

    /** Whether only secure endpoints may be used ({@code -s}). */
    boolean secure();

    Reference withSecure(boolean secure);

    /** The encoding of requests' parameters ({@code -e}). */
    EncodingVersion encoding();

    Reference withEncoding(EncodingVersion encoding);

    /** The endpoints as Ice prints them, e.g. {@code tcp -h 127.0.0.1 -p 10000 -t 60000}; empty for indirect proxies. */
    List<String> endpointStrings();

    /**
     * A reference with these endpoints (each parsed as in a stringified proxy); non-empty
     * endpoints clear the adapter id.
     *
     * @throws EndpointParseException for an endpoint Floe cannot parse
     */
    Reference withEndpoints(List<String> endpoints);

    /** The adapter id of an indirect proxy ({@code @ adapter}); "" otherwise. */
    String adapterId();

    /** A reference with this adapter id and no endpoints ("" for a well-known proxy). */
    Reference withAdapterId(String adapterId);

    /**
     * The locator that resolves this proxy when it is indirect: the communicator's
     * {@code Ice.Default.Locator} unless set otherwise; null: none.
     */
    ObjectPrx locator();

    Reference withLocator(ObjectPrx locator);

    /**
     * Seconds an answer of the locator stays usable for this proxy: -1 (the default,
     * {@code Ice.Default.LocatorCacheTimeout}) forever, 0 never.
     */
    int locatorCacheTimeout();

    /** @throws IllegalArgumentException for a value below -1 */
    Reference withLocatorCacheTimeout(int seconds);

    /** The order in which endpoints are tried for a new connection. */
    EndpointSelectionType endpointSelection();

    Reference withEndpointSelection(EndpointSelectionType type);

    /** Whether every call reuses the connection of the previous one (true, the default). */
    boolean connectionCached();

    Reference withConnectionCached(boolean cached);

    /** Connections are shared per endpoint and connection id; "" by default. */
    String connectionId();

    Reference withConnectionId(String connectionId);

    /** The proxy's own compression setting ({@code ice_compress}); empty: as each endpoint's {@code -z}. */
    Optional<Boolean> compressOverride();

    Reference withCompress(boolean compress);

    /** Twoway, oneway, batch oneway...: how requests are sent. */
    InvocationMode mode();

    Reference withMode(InvocationMode mode);

    /** Milliseconds a twoway call waits for its reply before failing with InvocationTimeoutException; -1: forever. */
    int invocationTimeout();

    Reference withInvocationTimeout(int timeoutMillis);

    /** Sends the batch oneway requests queued on this proxy's connection; completes once written. */
    CompletableFuture<Void> flushBatchRequests();

    /**
     * The connection this reference's calls use, made if needed ({@code ice_getConnection}), with
     * the same endpoint order and failover as a call; null for a collocated target. Completes on
     * the client thread pool.
     */
    CompletableFuture<Connection> connection();

    /** The connection the previous call used if there still is one and connections are cached; never connects. */
    Connection cachedConnection();

    /**
     * A fixed reference ({@code ice_fixed}): the same identity, facet and call settings, whose
     * calls go over {@code connection} only.
     */
    Reference withFixedConnection(Connection connection);

    /** Whether calls go over one given connection ({@code Connection.createProxy}, {@code ice_fixed}). */
    boolean isFixed();

    /**
     * Sends one request (retrying it as Ice does, ice-protocol.md §5.6) and completes with the decoded results, the user exception the
     * factory accepts, or a LocalException. Never completes on an I/O thread.
     *
     * @param params  writes the in-parameters; null sends an empty encapsulation
     * @param results reads the results; null expects an empty encapsulation (result null)
     * @param context this call's request context; null uses {@link #context()}
     */
    <R> InvocationFuture<R> invoke(String operation, OperationMode mode, FormatType format,
                                    Encoder params, Decoder<R> results,
                                    UserExceptionFactory exceptions, Map<String, String> context);

    /** Encodes this reference as a proxy value (ice-protocol.md §3.9). */
    void write(OutputStream out);

    /** An untyped proxy for this reference. */
    ObjectPrx toProxy();
}
