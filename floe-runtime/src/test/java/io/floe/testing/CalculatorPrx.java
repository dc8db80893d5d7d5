package io.floe.testing;

import io.floe.ObjectPrx;
import io.floe.OperationMode;
import io.floe.Reference;
import io.floe.UnknownUserException;
import io.floe.UserException;
import io.floe.encoding.FormatType;
import io.floe.InvocationFuture;

/** The proxy floe-slice would generate for {@link Calculator}. */
public interface CalculatorPrx extends ObjectPrx {
    default int add(int a, int b) throws Calculator.Overflow {
        try {
            return ObjectPrx._await(addAsync(a, b));
        } catch (Calculator.Overflow ex) {
            throw ex;
        } catch (UserException ex) {
            throw new UnknownUserException(ex.ice_id(), ex);
        }
    }

    default InvocationFuture<Integer> addAsync(int a, int b) {
        return ice_reference().invoke("add", OperationMode.IDEMPOTENT, FormatType.DEFAULT,
                out -> {
                    out.writeInt(a);
                    out.writeInt(b);
                },
                in -> in.readInt(), CalculatorPrx::overflowOnly, null);
    }

    default InvocationFuture<Integer> addLaterAsync(int a, int b) {
        return ice_reference().invoke("addLater", OperationMode.NORMAL, FormatType.DEFAULT,
                out -> {
                    out.writeInt(a);
                    out.writeInt(b);
                },
                in -> in.readInt(), CalculatorPrx::overflowOnly, null);
    }

    default InvocationFuture<Void> failAsync(String kind) {
        return ice_reference().invoke("fail", OperationMode.NORMAL, FormatType.DEFAULT,
                out -> out.writeString(kind), null, CalculatorPrx::overflowOnly, null);
    }

    private static UserException overflowOnly(String typeId) {
        return "::Test::Overflow".equals(typeId) ? new Calculator.Overflow() : null;
    }

    static CalculatorPrx uncheckedCast(ObjectPrx proxy) {
        return proxy == null ? null : new Handle(proxy.ice_reference());
    }

    record Handle(Reference ice_reference) implements CalculatorPrx {
    }
}
