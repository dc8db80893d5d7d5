package io.floe.internal.proxy;

import static io.floe.internal.proxy.RetryPolicy.NO_RETRY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.floe.CloseConnectionException;
import io.floe.CommunicatorDestroyedException;
import io.floe.ConnectionLostException;
import io.floe.ConnectionManuallyClosedException;
import io.floe.FacetNotExistException;
import io.floe.Identity;
import io.floe.InitializationException;
import io.floe.InvocationTimeoutException;
import io.floe.MarshalException;
import io.floe.MemoryLimitException;
import io.floe.ObjectNotExistException;
import io.floe.OperationMode;
import io.floe.UnknownLocalException;
import org.junit.jupiter.api.Test;

/** Ice's retry decision (ProxyFactory.checkRetryAfterException, ice-protocol.md §5.6). */
class RetryPolicyTest {
    private static final RetryPolicy DEFAULT = RetryPolicy.parse("0");
    private static final Identity ID = Identity.of("x");

    @Test
    void intervalsParseAsIceDoes() {
        assertThat(RetryPolicy.parse("0").maxRetries()).isEqualTo(1);
        assertThat(RetryPolicy.parse("-1").maxRetries()).isZero();
        assertThat(RetryPolicy.parse("0 100 500").delayBeforeRetry(new ConnectionLostException("x"), false,
                OperationMode.NORMAL, false, 2)).isEqualTo(500);
        assertThat(RetryPolicy.parse(" 10   -5 ").delayBeforeRetry(new ConnectionLostException("x"), false,
                OperationMode.NORMAL, false, 1)).isZero();
        assertThatThrownBy(() -> RetryPolicy.parse("soon")).isInstanceOf(InitializationException.class)
                .hasMessageContaining("'soon'");
    }

    @Test
    void anUnsentRequestOrAnIdempotentOneIsRetriedAndASentNormalOneIsNot() {
        ConnectionLostException lost = new ConnectionLostException("lost");
        assertThat(DEFAULT.delayBeforeRetry(lost, false, OperationMode.NORMAL, false, 0)).isZero();
        assertThat(DEFAULT.delayBeforeRetry(lost, true, OperationMode.IDEMPOTENT, false, 0)).isZero();
        assertThat(DEFAULT.delayBeforeRetry(lost, true, OperationMode.NONMUTATING, false, 0)).isZero();
        assertThat(DEFAULT.delayBeforeRetry(lost, true, OperationMode.NORMAL, false, 0)).isEqualTo(NO_RETRY);
        assertThat(DEFAULT.delayBeforeRetry(lost, false, OperationMode.NORMAL, false, 1)).isEqualTo(NO_RETRY);
        assertThat(DEFAULT.delayBeforeRetry(new UnknownLocalException("u"), true, OperationMode.IDEMPOTENT, false, 0))
                .isZero();
    }

    @Test
    void closeConnectionIsRetriedOnceMoreThanTheIntervalsAllow() {
        CloseConnectionException closed = new CloseConnectionException("closed");
        assertThat(DEFAULT.delayBeforeRetry(closed, true, OperationMode.NORMAL, false, 1)).isZero();
        assertThat(DEFAULT.delayBeforeRetry(closed, true, OperationMode.NORMAL, false, 2)).isEqualTo(NO_RETRY);
        assertThat(RetryPolicy.parse("-1").delayBeforeRetry(closed, true, OperationMode.NORMAL, false, 0)).isZero();
    }

    @Test
    void someFailuresAreNeverRetried() {
        for (RuntimeException e : new RuntimeException[] {new MarshalException("m"), new MemoryLimitException("m"),
                new InvocationTimeoutException("t"), new CommunicatorDestroyedException("d"),
                new ConnectionManuallyClosedException(true, "closed by the application"),
                new FacetNotExistException(ID, "f", "op"), new IllegalStateException("bug")}) {
            assertThat(DEFAULT.delayBeforeRetry(e, false, OperationMode.IDEMPOTENT, false, 0)).as(e.toString())
                    .isEqualTo(NO_RETRY);
        }
    }

    @Test
    void objectNotExistIsRetriedOnlyForIndirectProxies() {
        ObjectNotExistException gone = new ObjectNotExistException(ID, "", "op");
        assertThat(DEFAULT.delayBeforeRetry(gone, true, OperationMode.NORMAL, false, 0)).isEqualTo(NO_RETRY);
        assertThat(DEFAULT.delayBeforeRetry(gone, true, OperationMode.NORMAL, true, 0)).isZero();
    }
}
