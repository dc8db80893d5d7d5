package io.floe.internal.proxy;

import io.floe.InvocationMode;
import io.floe.EncodingVersion;
import io.floe.Identity;
import io.floe.MarshalException;
import io.floe.ObjectPrx;
import io.floe.encoding.InputStream;
import io.floe.encoding.ProxyDecoder;
import io.floe.internal.Instance;
import io.floe.internal.endpoint.Endpoint;
import io.floe.protocol.RequestHeader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads the encoded proxies of a communicator (ice-protocol.md §3.9, §3.10). */
public final class ProxyReader implements ProxyDecoder {
    private final Instance instance;

    public ProxyReader(Instance instance) {
        this.instance = instance;
    }

    @Override
    public ObjectPrx read(Identity identity, InputStream in) {
        String facet = RequestHeader.readFacet(in);
        InvocationMode mode = InvocationMode.fromCode(in.readByte() & 0xff);
        boolean secure = in.readBool();
        EncodingVersion encoding = EncodingVersion.V1_0;
        if (in.encoding().minor() >= 1) {
            int protocolMajor = in.readByte() & 0xff;
            int protocolMinor = in.readByte() & 0xff;
            if (protocolMajor != 1 || protocolMinor != 0) {
                throw new MarshalException("proxy protocol " + protocolMajor + "." + protocolMinor + " (expected: 1.0)");
            }
            encoding = EncodingVersion.of(in.readByte() & 0xff, in.readByte() & 0xff);
        }
        int count = in.readAndCheckSeqSize(8);
        List<Endpoint> endpoints = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            // Transports Floe lacks are kept opaque and written back unchanged, as Ice does.
            endpoints.add(Endpoint.read(in));
        }
        String adapterId = count == 0 ? in.readString() : "";
        return new ProxyReference(instance, identity, facet, mode, secure, encoding, endpoints, adapterId, Map.of())
                .toProxy();
    }
}
