package io.floe.internal;

import static java.util.Objects.requireNonNull;

import io.floe.encoding.InputStream;
import io.floe.encoding.ProxyDecoder;
import io.floe.encoding.ValueFactory;
import io.netty.buffer.ByteBuf;

/** Makes a communicator's input streams: its proxies, its classes, its class graph depth limit. */
public record InputStreams(ProxyDecoder proxies, ValueFactory values, int classGraphDepthMax) {
    public InputStreams {
        requireNonNull(values, "values");
        if (classGraphDepthMax < 1) {
            throw new io.floe.InitializationException("Ice.ClassGraphDepthMax: " + classGraphDepthMax
                    + " (expected: >= 1)");
        }
    }

    public InputStream over(ByteBuf buf) {
        return new InputStream(buf, proxies, values, classGraphDepthMax);
    }
}
