package io.floe;

import io.floe.encoding.Decoder;
import io.floe.encoding.Encoder;
import io.floe.encoding.FormatType;
import io.floe.encoding.OutputStream;
import io.floe.encoding.UserExceptionFactory;
import java.util.Map;
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

    /** Twoway, oneway, batch oneway...: how requests are sent. */
    InvocationMode mode();

    Reference withMode(InvocationMode mode);

    /** Milliseconds a twoway call waits for its reply before failing with InvocationTimeoutException; -1: forever. */
    int invocationTimeout();

    Reference withInvocationTimeout(int timeoutMillis);

    /**
     * Sends one twoway request and completes with the decoded results, the user exception the
     * factory accepts, or a LocalException. Never completes on an I/O thread.
     *
     * @param params  writes the in-parameters; null sends an empty encapsulation
     * @param results reads the results; null expects an empty encapsulation (result null)
     * @param context this call's request context; null uses {@link #context()}
     */
    <R> CompletableFuture<R> invoke(String operation, OperationMode mode, FormatType format,
                                    Encoder params, Decoder<R> results,
                                    UserExceptionFactory exceptions, Map<String, String> context);

    /** Encodes this reference as a proxy value (ice-protocol.md §3.9). */
    void write(OutputStream out);

    /** An untyped proxy for this reference. */
    ObjectPrx toProxy();
}
