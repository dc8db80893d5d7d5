package io.floe.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.floe.ACMClose;
import io.floe.ACMHeartbeat;
import org.junit.jupiter.api.Test;

/** The ACM decision alone, on made-up clocks: timeout 60 s, so a quarter is 15 s. */
class AcmActionTest {
    private static final long S = 1_000_000_000L;
    private static final long NOW = 1_000 * S;

    private static Acm acm(ACMHeartbeat heartbeat, ACMClose close) {
        return new Acm(60_000, heartbeat, close);
    }

    /** Everything last happened {@code ago} seconds before NOW. */
    private static AcmAction.Readings quietFor(long ago, boolean calls, boolean dispatches) {
        long at = NOW - ago * S;
        return new AcmAction.Readings(at, at, at, calls, dispatches, false);
    }

    @Test
    void aCallWithNothingReadForTheTimeoutClosesUnlessThePolicyIsOffOrOnIdle() {
        AcmAction.Readings waiting = quietFor(60, true, false);

        assertThat(AcmAction.decide(acm(ACMHeartbeat.HEARTBEAT_OFF, ACMClose.CLOSE_ON_INVOCATION), NOW, waiting))
                .isEqualTo(AcmAction.CLOSE_CALLS_TIMED_OUT);
        assertThat(AcmAction.decide(acm(ACMHeartbeat.HEARTBEAT_OFF, ACMClose.CLOSE_ON_IDLE_FORCEFUL), NOW, waiting))
                .isEqualTo(AcmAction.CLOSE_CALLS_TIMED_OUT);
        assertThat(AcmAction.decide(acm(ACMHeartbeat.HEARTBEAT_OFF, ACMClose.CLOSE_ON_IDLE), NOW, waiting))
                .isEqualTo(AcmAction.NOTHING);
        assertThat(AcmAction.decide(acm(ACMHeartbeat.HEARTBEAT_OFF, ACMClose.CLOSE_OFF), NOW, waiting))
                .isEqualTo(AcmAction.NOTHING);
        assertThat(AcmAction.decide(acm(ACMHeartbeat.HEARTBEAT_OFF, ACMClose.CLOSE_ON_INVOCATION), NOW,
                quietFor(59, true, false))).isEqualTo(AcmAction.NOTHING);
    }

    @Test
    void anIdleConnectionClosesGracefullyOrForcefullyAsThePolicySays() {
        AcmAction.Readings idle = quietFor(60, false, false);

        assertThat(AcmAction.decide(acm(ACMHeartbeat.HEARTBEAT_OFF, ACMClose.CLOSE_ON_INVOCATION_AND_IDLE), NOW, idle))
                .isEqualTo(AcmAction.CLOSE_IDLE_GRACEFULLY);
        assertThat(AcmAction.decide(acm(ACMHeartbeat.HEARTBEAT_OFF, ACMClose.CLOSE_ON_IDLE), NOW, idle))
                .isEqualTo(AcmAction.CLOSE_IDLE_GRACEFULLY);
        assertThat(AcmAction.decide(acm(ACMHeartbeat.HEARTBEAT_OFF, ACMClose.CLOSE_ON_IDLE_FORCEFUL), NOW, idle))
                .isEqualTo(AcmAction.CLOSE_IDLE_FORCEFULLY);
        assertThat(AcmAction.decide(acm(ACMHeartbeat.HEARTBEAT_OFF, ACMClose.CLOSE_ON_INVOCATION), NOW, idle))
                .isEqualTo(AcmAction.NOTHING);
        // A dispatch in progress or a queued batch is use: not idle.
        assertThat(AcmAction.decide(acm(ACMHeartbeat.HEARTBEAT_OFF, ACMClose.CLOSE_ON_IDLE), NOW,
                quietFor(60, false, true))).isEqualTo(AcmAction.NOTHING);
        long at = NOW - 60 * S;
        assertThat(AcmAction.decide(acm(ACMHeartbeat.HEARTBEAT_OFF, ACMClose.CLOSE_ON_IDLE), NOW,
                new AcmAction.Readings(at, at, at, false, false, true))).isEqualTo(AcmAction.NOTHING);
    }

    @Test
    void heartbeatsGoAfterAQuarterOfTheTimeoutWithoutWritingAsThePolicyAllows() {
        AcmAction.Readings quiet = quietFor(15, false, false);
        AcmAction.Readings dispatching = quietFor(15, false, true);

        assertThat(AcmAction.decide(acm(ACMHeartbeat.HEARTBEAT_ALWAYS, ACMClose.CLOSE_OFF), NOW, quiet))
                .isEqualTo(AcmAction.HEARTBEAT);
        assertThat(AcmAction.decide(acm(ACMHeartbeat.HEARTBEAT_ALWAYS, ACMClose.CLOSE_OFF), NOW,
                quietFor(14, false, false))).isEqualTo(AcmAction.NOTHING);
        assertThat(AcmAction.decide(acm(ACMHeartbeat.HEARTBEAT_ON_DISPATCH, ACMClose.CLOSE_OFF), NOW, quiet))
                .isEqualTo(AcmAction.NOTHING);
        assertThat(AcmAction.decide(acm(ACMHeartbeat.HEARTBEAT_ON_DISPATCH, ACMClose.CLOSE_OFF), NOW, dispatching))
                .isEqualTo(AcmAction.HEARTBEAT);
        assertThat(AcmAction.decide(acm(ACMHeartbeat.HEARTBEAT_OFF, ACMClose.CLOSE_OFF), NOW, dispatching))
                .isEqualTo(AcmAction.NOTHING);
        // OnIdle: only when nothing was read for a quarter either.
        long readRecently = NOW - 5 * S;
        long wroteLongAgo = NOW - 20 * S;
        assertThat(AcmAction.decide(acm(ACMHeartbeat.HEARTBEAT_ON_IDLE, ACMClose.CLOSE_OFF), NOW,
                new AcmAction.Readings(readRecently, wroteLongAgo, readRecently, false, false, false)))
                .isEqualTo(AcmAction.NOTHING);
        assertThat(AcmAction.decide(acm(ACMHeartbeat.HEARTBEAT_ON_IDLE, ACMClose.CLOSE_OFF), NOW, quiet))
                .isEqualTo(AcmAction.HEARTBEAT);
    }

    @Test
    void aTimeoutOfZeroTurnsAcmOff() {
        assertThat(AcmAction.decide(new Acm(0, ACMHeartbeat.HEARTBEAT_ALWAYS, ACMClose.CLOSE_ON_IDLE), NOW,
                quietFor(600, true, false))).isEqualTo(AcmAction.NOTHING);
    }
}
