package io.floe.encoding;

import io.floe.Identity;
import io.floe.ObjectPrx;

/** Reads the rest of a non-null proxy after its identity; supplied by the communicator. */
@FunctionalInterface
public interface ProxyDecoder {
    ObjectPrx read(Identity identity, InputStream in);
}
