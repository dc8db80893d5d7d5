package io.floe.protocol;

import static java.util.Objects.requireNonNull;

import io.floe.Identity;
import io.floe.MarshalException;
import io.floe.OperationMode;
import io.floe.encoding.InputStream;
import io.floe.encoding.OutputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What dispatch needs from a Request before its parameters (ice-protocol.md §2.3); the
 * parameters stay encoded. Batched requests have no id and are read with id 0.
 */
public record RequestHeader(int requestId, Identity identity, String facet, String operation,
                            OperationMode mode, Map<String, String> context) {
    public RequestHeader {
        requireNonNull(identity, "identity");
        requireNonNull(facet, "facet");
        requireNonNull(operation, "operation");
        requireNonNull(mode, "mode");
        requireNonNull(context, "context");
        if (requestId < 0) {
            throw new MarshalException("request id: " + requestId + " (expected: >= 0)");
        }
    }

    /** Id 0: nobody waits for a reply. */
    public boolean isOneway() {
        return requestId == 0;
    }

    /** Reads the fields that follow the request id; a malformed header is fatal to the connection. */
    public static RequestHeader read(int requestId, InputStream in) {
        Identity identity = in.readIdentity();
        String facet = readFacet(in);
        String operation = in.readString();
        OperationMode mode = OperationMode.fromValue(in.readByte() & 0xff);
        Map<String, String> context = readContext(in);
        return new RequestHeader(requestId, identity, facet, operation, mode, context);
    }

    /** A facet is a sequence of at most one string (ice-protocol.md §2.3). */
    public static String readFacet(InputStream in) {
        int n = in.readSize();
        if (n == 0) {
            return "";
        }
        if (n > 1) {
            throw new MarshalException("facet sequence of " + n + " elements (expected: 0 or 1)");
        }
        return in.readString();
    }

    public static void writeFacet(OutputStream out, String facet) {
        if (facet == null || facet.isEmpty()) {
            out.writeSize(0);
        } else {
            out.writeSize(1);
            out.writeString(facet);
        }
    }

    public static Map<String, String> readContext(InputStream in) {
        int n = in.readAndCheckSeqSize(2);
        if (n == 0) {
            return Map.of();
        }
        Map<String, String> context = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            context.put(in.readString(), in.readString());
        }
        return Collections.unmodifiableMap(context);
    }

    public static void writeContext(OutputStream out, Map<String, String> context) {
        if (context == null) {
            out.writeSize(0);
            return;
        }
        out.writeSize(context.size());
        context.forEach((k, v) -> {
            out.writeString(k);
            out.writeString(v);
        });
    }

    /** Writes identity, facet, operation, mode and context; the caller writes id and params. */
    public void writeFields(OutputStream out) {
        out.writeString(identity.name());
        out.writeString(identity.category());
        writeFacet(out, facet);
        out.writeString(operation);
        out.writeByte((byte) mode.value());
        writeContext(out, context);
    }
}
