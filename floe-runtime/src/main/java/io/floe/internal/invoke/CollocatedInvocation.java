package io.floe.internal.invoke;

import io.floe.EncodingVersion;
import io.floe.Identity;
import io.floe.OperationMode;
import io.floe.TwowayOnlyException;
import io.floe.encoding.Decoder;
import io.floe.encoding.Encoder;
import io.floe.encoding.FormatType;
import io.floe.encoding.UserExceptionFactory;
import io.floe.internal.Instance;
import io.floe.internal.dispatch.Adapter;
import io.floe.protocol.MessageHeader;
import io.floe.protocol.RequestHeader;
import io.netty.buffer.ByteBuf;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A call to an object adapter of the caller's own communicator, without the network: the request
 * is encoded as for the wire and handed to the adapter's dispatcher, whose reply is decoded as
 * one read from a connection. Parameters, results, exceptions, threads (server pool for the
 * dispatch, client executor for the reply) and AMD are exactly those of a remote call;
 * {@code Current.connection()} is null. Controlled by {@code Ice.Default.CollocationOptimized}.
 */
public final class CollocatedInvocation {
    private CollocatedInvocation() {
    }

    /** The target of a call: what the proxy says beyond the operation. */
    public record Target(Identity identity, String facet, boolean oneway, EncodingVersion encoding,
                         Map<String, String> context) {
    }

    public static <R> CompletableFuture<R> invoke(Instance instance, Adapter adapter, Target target,
                                                  String operation, OperationMode mode, FormatType format,
                                                  Encoder params, Decoder<R> results,
                                                  UserExceptionFactory exceptions, Map<String, String> callContext) {
        OutgoingCall<R> call = new OutgoingCall<>(operation, results, exceptions, instance.inputStreams());
        if (target.oneway() && results != null) {
            call.fail(new TwowayOnlyException(operation + " has results, so it cannot be called oneway"));
            return call.future();
        }
        ByteBuf message;
        try {
            int requestId = target.oneway() ? 0 : adapter.nextCollocatedRequestId();
            RequestHeader header = new RequestHeader(requestId, target.identity(), target.facet(), operation, mode,
                    callContext == null ? target.context() : callContext);
            message = RequestEncoder.encode(header, target.encoding(), format == null ? FormatType.DEFAULT : format,
                    instance.defaultFormat(), params);
        } catch (RuntimeException e) {
            call.fail(e);
            return call.future();
        }
        CollocatedChannel channel = new CollocatedChannel(target.oneway() ? null : call, instance.clientExecutor(),
                adapter.dispatchPool(), adapter.collocatedDispatches());
        try {
            adapter.dispatcher().dispatchRequest(channel, message.skipBytes(MessageHeader.SIZE));
        } catch (RuntimeException e) {
            call.fail(e); // the dispatcher released the message
            return call.future();
        }
        if (target.oneway()) {
            call.future().complete(null);
        }
        return call.future();
    }
}
