package io.floe.internal.proxy;

import io.floe.InvocationMode;
import static java.util.Objects.requireNonNull;

import io.floe.Communicator;
import io.floe.FeatureNotSupportedException;
import io.floe.InvocationTimeoutException;
import io.floe.EncodingVersion;
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
import io.floe.internal.invoke.OutgoingCall;
import io.floe.internal.invoke.RequestEncoder;
import io.floe.protocol.RequestHeader;
import io.netty.buffer.ByteBuf;
import java.util.List;
import io.netty.util.Timeout;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/** An immutable direct or indirect proxy target: identity, facet, mode, encoding, endpoints. */
public final class ProxyReference implements Reference {
    private final Instance instance;
    private final Identity identity;
    private final String facet;
    private final InvocationMode mode;
    private final boolean secure;
    private final EncodingVersion encoding;
    private final List<Endpoint> endpoints;
    private final String adapterId;
    private final Map<String, String> context;
    private final int invocationTimeout; // ms; -1: none

    /** A reference with the communicator's default invocation timeout (Ice.Default.InvocationTimeout). */
    public ProxyReference(Instance instance, Identity identity, String facet, InvocationMode mode,
                          boolean secure, EncodingVersion encoding, List<? extends Endpoint> endpoints,
                          String adapterId, Map<String, String> context) {
        this(instance, identity, facet, mode, secure, encoding, endpoints, adapterId, context,
                instance.defaultInvocationTimeout());
    }

    private ProxyReference(Instance instance, Identity identity, String facet, InvocationMode mode,
                           boolean secure, EncodingVersion encoding, List<? extends Endpoint> endpoints,
                           String adapterId, Map<String, String> context, int invocationTimeout) {
        this.instance = requireNonNull(instance, "instance");
        this.identity = requireNonNull(identity, "identity");
        this.facet = facet == null ? "" : facet;
        this.mode = requireNonNull(mode, "mode");
        this.secure = secure;
        this.encoding = requireNonNull(encoding, "encoding");
        this.endpoints = List.copyOf(endpoints);
        this.adapterId = adapterId == null ? "" : adapterId;
        this.context = context == null ? Map.of() : Map.copyOf(context);
        this.invocationTimeout = invocationTimeout;
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
        return context;
    }

    @Override
    public InvocationMode mode() {
        return mode;
    }

    public EncodingVersion encoding() {
        return encoding;
    }

    public List<Endpoint> endpoints() {
        return endpoints;
    }

    /** The endpoints Floe can connect to, in order. */
    public List<TcpEndpoint> tcpEndpoints() {
        return endpoints.stream().filter(TcpEndpoint.class::isInstance).map(TcpEndpoint.class::cast).toList();
    }

    public String adapterId() {
        return adapterId;
    }

    @Override
    public Reference withIdentity(Identity newIdentity) {
        return new ProxyReference(instance, newIdentity, facet, mode, secure, encoding, endpoints, adapterId, context,
                invocationTimeout);
    }

    @Override
    public Reference withFacet(String newFacet) {
        return new ProxyReference(instance, identity, newFacet, mode, secure, encoding, endpoints, adapterId, context,
                invocationTimeout);
    }

    @Override
    public Reference withContext(Map<String, String> newContext) {
        return new ProxyReference(instance, identity, facet, mode, secure, encoding, endpoints, adapterId, newContext,
                invocationTimeout);
    }

    @Override
    public int invocationTimeout() {
        return invocationTimeout;
    }

    @Override
    public ProxyReference withInvocationTimeout(int timeoutMillis) {
        if (timeoutMillis < 1 && timeoutMillis != -1) {
            throw new IllegalArgumentException("invocation timeout: " + timeoutMillis + " (expected: > 0 or -1)");
        }
        return new ProxyReference(instance, identity, facet, mode, secure, encoding, endpoints, adapterId, context,
                timeoutMillis);
    }

    @Override
    public ProxyReference withMode(InvocationMode newMode) {
        return new ProxyReference(instance, identity, facet, newMode, secure, encoding, endpoints, adapterId, context,
                invocationTimeout);
    }

    @Override
    public <R> CompletableFuture<R> invoke(String operation, OperationMode opMode, FormatType format,
                                           Encoder params, Decoder<R> results,
                                           UserExceptionFactory exceptions, Map<String, String> callContext) {
        List<TcpEndpoint> reachable = tcpEndpoints();
        Adapter collocated = instance.adapters().collocatedWith(reachable);
        if (collocated != null) {
            return CollocatedInvocation.invoke(instance, collocated,
                    new CollocatedInvocation.Target(identity, facet, mode != InvocationMode.TWOWAY, encoding, context),
                    operation, opMode, format, params, results, exceptions, callContext);
        }
        OutgoingCall<R> call = new OutgoingCall<>(operation, results, exceptions, instance.inputStreams());
        if (endpoints.isEmpty()) {
            call.fail(new NoEndpointException("proxy '" + this + "' has no endpoints (locators are not supported yet)"));
            return call.future();
        }
        if (reachable.isEmpty()) {
            call.fail(new NoEndpointException("proxy '" + this + "' has no tcp endpoint (expected: at least one;"
                    + " other transports are not supported)"));
            return call.future();
        }
        if (mode != InvocationMode.TWOWAY && mode != InvocationMode.ONEWAY
                && mode != InvocationMode.BATCH_ONEWAY) { // [i6t batch hook] batch oneway is queued below
            call.fail(new FeatureNotSupportedException(mode + " invocations are not supported yet (proxy '"
                    + this + "'): use ice_twoway() or ice_oneway()"));
            return call.future();
        }
        boolean oneway = mode != InvocationMode.TWOWAY; // [i6t batch hook] BATCH_ONEWAY too
        if (oneway && results != null) {
            call.fail(new TwowayOnlyException(operation + " has results, so it cannot be called " + mode));
            return call.future();
        }
        ByteBuf message;
        try {
            RequestHeader header = new RequestHeader(0, identity, facet, operation, opMode,
                    callContext == null ? context : callContext);
            message = RequestEncoder.encode(header, encoding, format == null ? FormatType.DEFAULT : format,
                    instance.defaultFormat(), params);
        } catch (RuntimeException e) {
            call.fail(e);
            return call.future();
        }
        // [i6t compression hook] a -z endpoint asks for compression (ice-protocol.md §2.9).
        if (reachable.get(0).compress()) {
            RequestEncoder.askForCompression(message);
        }
        // [i6t batch hook] batch oneway: queued on the connection, sent when flushed (ice-protocol.md §2.4).
        if (mode == InvocationMode.BATCH_ONEWAY) {
            instance.connector().whenConnected(reachable.get(0), (connection, error) -> {
                if (error != null) {
                    message.release();
                    call.fail(error);
                } else {
                    connection.queueBatch(message);
                    call.future().complete(null);
                }
            });
            return call.future();
        }
        if (!oneway && invocationTimeout > 0) {
            expireAfter(call, operation);
        }
        if (oneway) {
            instance.connector().whenConnected(reachable.get(0), (connection, error) -> {
                if (error != null) {
                    message.release();
                    call.fail(error);
                } else {
                    connection.sendOneway(message).whenComplete((v, e) -> {
                        if (e != null) {
                            call.fail(e);
                        } else {
                            call.future().complete(null);
                        }
                    });
                }
            });
        } else {
            // Kept until the call completes: a request that never left may be sent again.
            call.future().whenComplete((v, e) -> message.release());
            sendTwoway(reachable.get(0), call, message, 1);
        }
        return call.future();
    }

    /**
     * Sends a twoway request; one that provably never left (its connection was closed or broke
     * before it was written) is sent again on a new connection, {@code retries} more times at
     * most. That is always safe: the server cannot have executed it (ice-protocol.md §5.6).
     */
    private void sendTwoway(TcpEndpoint endpoint, OutgoingCall<?> call, ByteBuf message, int retries) {
        instance.connector().whenConnected(endpoint, (connection, error) -> {
            if (error != null) {
                call.fail(error);
                return;
            }
            connection.send(call, message.retainedDuplicate(), notSent -> {
                if (retries > 0 && !call.future().isDone()) {
                    sendTwoway(endpoint, call, message, retries - 1);
                } else {
                    call.fail(notSent);
                }
            });
        });
    }

    /**
     * Fails the call when no reply came within the invocation timeout (connecting included):
     * the request is forgotten, a late reply is dropped, and the connection stays open
     * (ice-protocol.md §5.5).
     */
    private void expireAfter(OutgoingCall<?> call, String operation) {
        Timeout timer = instance.timer().newTimeout(t -> call.expire(new InvocationTimeoutException(
                "no reply to " + operation + " on '" + identity + "' within " + invocationTimeout
                        + " ms (invocation timeout)")), invocationTimeout, TimeUnit.MILLISECONDS);
        call.future().whenComplete((v, e) -> timer.cancel());
    }

    @Override
    public void write(OutputStream out) {
        out.writeString(identity.name());
        out.writeString(identity.category());
        RequestHeader.writeFacet(out, facet);
        out.writeByte((byte) mode.ordinal());
        out.writeBool(secure);
        if (out.encoding().minor() >= 1) {
            out.writeByte((byte) 1);
            out.writeByte((byte) 0);
            out.writeByte((byte) encoding.major());
            out.writeByte((byte) encoding.minor());
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
        s.append(' ').append(mode.option());
        if (secure) {
            s.append(" -s");
        }
        s.append(" -e ").append(encoding);
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

    @Override
    public boolean equals(Object o) {
        return o instanceof ProxyReference r && identity.equals(r.identity) && facet.equals(r.facet)
                && mode == r.mode && secure == r.secure && encoding.equals(r.encoding)
                && endpoints.equals(r.endpoints) && adapterId.equals(r.adapterId) && context.equals(r.context);
    }

    @Override
    public int hashCode() {
        return Objects.hash(identity, facet, mode, endpoints, adapterId);
    }
}
