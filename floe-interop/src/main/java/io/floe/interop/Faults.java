package io.floe.interop;

import Interop.BaseError;
import Interop.DerivedError;
import Interop.Fault;
import Interop.UndeclaredError;
import io.floe.ObjectNotExistException;
import io.floe.TimeoutException;

/** What raiseNow and raiseLater raise for each {@link Fault}, as Interop.ice's Fault says. */
final class Faults {
    private Faults() {
    }

    /** The exception for {@code kind}, or null for NoFault. */
    static Exception of(Fault kind, String reason, int code) {
        return switch (kind) {
            case NoFault -> null;
            case FaultBase -> {
                BaseError e = new BaseError();
                e.reason = reason;
                yield e;
            }
            case FaultDerived -> {
                DerivedError e = new DerivedError();
                e.reason = reason;
                e.code = code;
                if (code != 0) {
                    e.setHint("code " + code);
                }
                yield e;
            }
            case FaultUndeclared -> {
                UndeclaredError e = new UndeclaredError();
                e.code = code;
                yield e;
            }
            // Empty fields: the runtime fills in this request's identity, facet and operation.
            case FaultObjectNotExist -> new ObjectNotExistException();
            case FaultLocal -> new TimeoutException("FaultLocal: " + reason);
            case FaultRuntime -> new IllegalStateException("FaultRuntime: " + reason);
        };
    }

    /**
     * Throws the exception for {@code kind}, or returns for NoFault. UndeclaredError is a
     * checked exception outside the throws clause, raised on purpose: it is thrown unchecked,
     * and the dispatch sends it like any user exception.
     */
    static void raise(Fault kind, String reason, int code) throws BaseError {
        Exception e = of(kind, reason, code);
        if (e != null) {
            Faults.<RuntimeException>sneakyThrow(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> void sneakyThrow(Throwable e) throws E {
        throw (E) e;
    }
}
