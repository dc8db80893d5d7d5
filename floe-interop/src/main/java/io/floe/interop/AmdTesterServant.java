package io.floe.interop;

import Interop.AMD_AmdTester_addValue;
import Interop.AMD_AmdTester_callCallback;
import Interop.AMD_AmdTester_checksum;
import Interop.AMD_AmdTester_delay;
import Interop.AMD_AmdTester_describe;
import Interop.AMD_AmdTester_getContext;
import Interop.AMD_AmdTester_getValues;
import Interop.AMD_AmdTester_makeBytes;
import Interop.AMD_AmdTester_makeChain;
import Interop.AMD_AmdTester_opBase;
import Interop.AMD_AmdTester_opBaseSeq;
import Interop.AMD_AmdTester_opBool;
import Interop.AMD_AmdTester_opBoolSeq;
import Interop.AMD_AmdTester_opByte;
import Interop.AMD_AmdTester_opByteSeq;
import Interop.AMD_AmdTester_opColor;
import Interop.AMD_AmdTester_opDouble;
import Interop.AMD_AmdTester_opDoubleSeq;
import Interop.AMD_AmdTester_opFloat;
import Interop.AMD_AmdTester_opFloatSeq;
import Interop.AMD_AmdTester_opInt;
import Interop.AMD_AmdTester_opIntSeq;
import Interop.AMD_AmdTester_opIntSeqSeq;
import Interop.AMD_AmdTester_opLevel;
import Interop.AMD_AmdTester_opLevelSeq;
import Interop.AMD_AmdTester_opLong;
import Interop.AMD_AmdTester_opLongSeq;
import Interop.AMD_AmdTester_opMixed;
import Interop.AMD_AmdTester_opMixedSeq;
import Interop.AMD_AmdTester_opOptionalParams;
import Interop.AMD_AmdTester_opOptionals;
import Interop.AMD_AmdTester_opPointSeq;
import Interop.AMD_AmdTester_opPointStringDict;
import Interop.AMD_AmdTester_opProxy;
import Interop.AMD_AmdTester_opShared;
import Interop.AMD_AmdTester_opShort;
import Interop.AMD_AmdTester_opShortSeq;
import Interop.AMD_AmdTester_opSliced;
import Interop.AMD_AmdTester_opString;
import Interop.AMD_AmdTester_opStringIntDict;
import Interop.AMD_AmdTester_opStringIntSeqDict;
import Interop.AMD_AmdTester_opStringSeq;
import Interop.AMD_AmdTester_opStringSeqSeq;
import Interop.AMD_AmdTester_raiseLater;
import Interop.AMD_AmdTester_raiseNow;
import Interop.AmdTester;
import Interop.AmdTesterPrx;
import Interop.Base;
import Interop.BaseError;
import Interop.CallbackPrx;
import Interop.Color;
import Interop.Envelope;
import Interop.Fault;
import Interop.Level;
import Interop.Mixed;
import Interop.Optionals;
import Interop.Point;
import Interop.TesterPrx;
import io.floe.CommunicatorDestroyedException;
import io.floe.Current;
import io.floe.ObjectPrx;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code Interop::AmdTester}: the operations of Tester, dispatched with AMD. The data
 * operations compute their results with the {@link TesterServant} (one implementation of each
 * semantic) on the dispatch thread and answer before returning, so addValue stores in dispatch
 * order. The dispatch thread never waits: delay and raiseLater are answered by a task on the
 * server's one timer, callCallback when the asynchronous call to the client's object completes.
 * raiseNow raises from the dispatch method itself.
 */
final class AmdTesterServant implements AmdTester {
    private final TesterServant sync;
    private final ScheduledExecutorService timer;

    AmdTesterServant(TesterServant sync, ScheduledExecutorService timer) {
        this.sync = sync;
        this.timer = timer;
    }

    // ---- Common: synchronous everywhere

    @Override
    public TesterPrx getTester(Current current) {
        return sync.getTester(current);
    }

    @Override
    public AmdTesterPrx getAmdTester(Current current) {
        return sync.getAmdTester(current);
    }

    @Override
    public void shutdown(Current current) {
        sync.shutdown(current);
    }

    // ---- the operations whose AMD dispatch differs from Tester's

    /** Raises from the dispatch method; for NoFault, answers before returning. */
    @Override
    public void raiseNow_async(AMD_AmdTester_raiseNow cb, Fault kind, String reason, int code,
                               Current current) throws BaseError {
        Faults.raise(kind, reason, code);
        cb.ice_response();
    }

    @Override
    public void raiseLater_async(AMD_AmdTester_raiseLater cb, Fault kind, String reason, int code, int ms,
                                 Current current) {
        Exception fault = Faults.of(kind, reason, code);
        later(cb, ms, () -> {
            if (fault == null) {
                cb.ice_response();
            } else {
                cb.ice_exception(fault);
            }
        });
    }

    @Override
    public void delay_async(AMD_AmdTester_delay cb, int ms, int value, Current current) {
        later(cb, ms, () -> cb.ice_response(value));
    }

    /** Answers when the nested asynchronous call completes; no thread waits for it. */
    @Override
    public void callCallback_async(AMD_AmdTester_callCallback cb, CallbackPrx callback, String msg,
                                   Current current) throws BaseError {
        if (callback == null) {
            throw TesterServant.nullCallback();
        }
        cb.completeWith(callback.helloAsync(msg).thenApply(hello -> hello + "!"));
    }

    @Override
    public void getContext_async(AMD_AmdTester_getContext cb, Current current) {
        cb.ice_response(sync.getContext(current));
    }

    private void later(io.floe.AMDCallback cb, int ms, Runnable answer) {
        try {
            timer.schedule(answer, Math.max(ms, 0), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            cb.ice_exception(new CommunicatorDestroyedException("the interop server is stopping"));
        }
    }

    // ---- the data operations: Tester's results, answered at once

    @Override
    public void opBool_async(AMD_AmdTester_opBool cb, boolean p1, boolean p2, Current current) {
        var r = sync.opBool(p1, p2, current);
        cb.ice_response(r.returnValue(), r.p3());
    }

    @Override
    public void opByte_async(AMD_AmdTester_opByte cb, byte p1, byte p2, Current current) {
        var r = sync.opByte(p1, p2, current);
        cb.ice_response(r.returnValue(), r.p3());
    }

    @Override
    public void opShort_async(AMD_AmdTester_opShort cb, short p1, short p2, Current current) {
        var r = sync.opShort(p1, p2, current);
        cb.ice_response(r.returnValue(), r.p3());
    }

    @Override
    public void opInt_async(AMD_AmdTester_opInt cb, int p1, int p2, Current current) {
        var r = sync.opInt(p1, p2, current);
        cb.ice_response(r.returnValue(), r.p3());
    }

    @Override
    public void opLong_async(AMD_AmdTester_opLong cb, long p1, long p2, Current current) {
        var r = sync.opLong(p1, p2, current);
        cb.ice_response(r.returnValue(), r.p3());
    }

    @Override
    public void opFloat_async(AMD_AmdTester_opFloat cb, float p1, float p2, Current current) {
        var r = sync.opFloat(p1, p2, current);
        cb.ice_response(r.returnValue(), r.p3());
    }

    @Override
    public void opDouble_async(AMD_AmdTester_opDouble cb, double p1, double p2, Current current) {
        var r = sync.opDouble(p1, p2, current);
        cb.ice_response(r.returnValue(), r.p3());
    }

    @Override
    public void opString_async(AMD_AmdTester_opString cb, String p1, String p2, Current current) {
        var r = sync.opString(p1, p2, current);
        cb.ice_response(r.returnValue(), r.p3());
    }

    @Override
    public void opMixed_async(AMD_AmdTester_opMixed cb, Mixed p1, Current current) {
        var r = sync.opMixed(p1, current);
        cb.ice_response(r.returnValue(), r.p2());
    }

    @Override
    public void opColor_async(AMD_AmdTester_opColor cb, Color p1, Current current) {
        var r = sync.opColor(p1, current);
        cb.ice_response(r.returnValue(), r.p2());
    }

    @Override
    public void opLevel_async(AMD_AmdTester_opLevel cb, Level p1, Current current) {
        var r = sync.opLevel(p1, current);
        cb.ice_response(r.returnValue(), r.p2());
    }

    @Override
    public void opBoolSeq_async(AMD_AmdTester_opBoolSeq cb, boolean[] p1, boolean[] p2,
                            Current current) {
        var r = sync.opBoolSeq(p1, p2, current);
        cb.ice_response(r.returnValue(), r.p3());
    }

    @Override
    public void opByteSeq_async(AMD_AmdTester_opByteSeq cb, byte[] p1, byte[] p2, Current current) {
        var r = sync.opByteSeq(p1, p2, current);
        cb.ice_response(r.returnValue(), r.p3());
    }

    @Override
    public void opShortSeq_async(AMD_AmdTester_opShortSeq cb, short[] p1, short[] p2,
                            Current current) {
        var r = sync.opShortSeq(p1, p2, current);
        cb.ice_response(r.returnValue(), r.p3());
    }

    @Override
    public void opIntSeq_async(AMD_AmdTester_opIntSeq cb, int[] p1, int[] p2, Current current) {
        var r = sync.opIntSeq(p1, p2, current);
        cb.ice_response(r.returnValue(), r.p3());
    }

    @Override
    public void opLongSeq_async(AMD_AmdTester_opLongSeq cb, long[] p1, long[] p2, Current current) {
        var r = sync.opLongSeq(p1, p2, current);
        cb.ice_response(r.returnValue(), r.p3());
    }

    @Override
    public void opFloatSeq_async(AMD_AmdTester_opFloatSeq cb, float[] p1, float[] p2,
                            Current current) {
        var r = sync.opFloatSeq(p1, p2, current);
        cb.ice_response(r.returnValue(), r.p3());
    }

    @Override
    public void opDoubleSeq_async(AMD_AmdTester_opDoubleSeq cb, double[] p1, double[] p2,
                            Current current) {
        var r = sync.opDoubleSeq(p1, p2, current);
        cb.ice_response(r.returnValue(), r.p3());
    }

    @Override
    public void opStringSeq_async(AMD_AmdTester_opStringSeq cb, String[] p1, String[] p2,
                            Current current) {
        var r = sync.opStringSeq(p1, p2, current);
        cb.ice_response(r.returnValue(), r.p3());
    }

    @Override
    public void opLevelSeq_async(AMD_AmdTester_opLevelSeq cb, Level[] p1, Current current) {
        cb.ice_response(sync.opLevelSeq(p1, current));
    }

    @Override
    public void opPointSeq_async(AMD_AmdTester_opPointSeq cb, Point[] p1, Current current) {
        var r = sync.opPointSeq(p1, current);
        cb.ice_response(r.returnValue(), r.p2());
    }

    @Override
    public void opMixedSeq_async(AMD_AmdTester_opMixedSeq cb, Mixed[] p1, Current current) {
        cb.ice_response(sync.opMixedSeq(p1, current));
    }

    @Override
    public void opIntSeqSeq_async(AMD_AmdTester_opIntSeqSeq cb, int[][] p1, Current current) {
        var r = sync.opIntSeqSeq(p1, current);
        cb.ice_response(r.returnValue(), r.p2());
    }

    @Override
    public void opStringSeqSeq_async(AMD_AmdTester_opStringSeqSeq cb, String[][] p1,
                            Current current) {
        cb.ice_response(sync.opStringSeqSeq(p1, current));
    }

    @Override
    public void opStringIntDict_async(AMD_AmdTester_opStringIntDict cb, Map<String, Integer> p1, Map<String, Integer> p2,
                            Current current) {
        var r = sync.opStringIntDict(p1, p2, current);
        cb.ice_response(r.returnValue(), r.p3());
    }

    @Override
    public void opPointStringDict_async(AMD_AmdTester_opPointStringDict cb, Map<Point, String> p1,
                            Current current) {
        var r = sync.opPointStringDict(p1, current);
        cb.ice_response(r.returnValue(), r.values());
    }

    @Override
    public void opStringIntSeqDict_async(AMD_AmdTester_opStringIntSeqDict cb, Map<String, int[]> p1,
                            Current current) {
        cb.ice_response(sync.opStringIntSeqDict(p1, current));
    }

    @Override
    public void opBase_async(AMD_AmdTester_opBase cb, Base p1, Current current) {
        cb.ice_response(sync.opBase(p1, current));
    }

    @Override
    public void describe_async(AMD_AmdTester_describe cb, Base p1, Current current) {
        cb.ice_response(sync.describe(p1, current));
    }

    @Override
    public void makeChain_async(AMD_AmdTester_makeChain cb, int n, boolean ring, Current current) {
        cb.ice_response(sync.makeChain(n, ring, current));
    }

    @Override
    public void opShared_async(AMD_AmdTester_opShared cb, Base p1, Base p2, Current current) {
        var r = sync.opShared(p1, p2, current);
        cb.ice_response(r.returnValue(), r.p3(), r.p4());
    }

    @Override
    public void opBaseSeq_async(AMD_AmdTester_opBaseSeq cb, Base[] p1, Current current) {
        var r = sync.opBaseSeq(p1, current);
        cb.ice_response(r.returnValue(), r.p2());
    }

    @Override
    public void opOptionals_async(AMD_AmdTester_opOptionals cb, Optionals p1, Current current) {
        var r = sync.opOptionals(p1, current);
        cb.ice_response(r.returnValue(), r.tags());
    }

    @Override
    public void opSliced_async(AMD_AmdTester_opSliced cb, Envelope p1, Current current) {
        var r = sync.opSliced(p1, current);
        cb.ice_response(r.returnValue(), r.label());
    }

    @Override
    public void opOptionalParams_async(AMD_AmdTester_opOptionalParams cb, int req, Optional<String> s, OptionalInt i, Optional<Point> p, Optional<String[]> ss, Optional<Level> lv,
                            Current current) {
        var r = sync.opOptionalParams(req, s, i, p, ss, lv, current);
        cb.ice_response(r.returnValue(), r.count(), r.s2(), r.p2(), r.ss2(), r.lv2());
    }

    @Override
    public void opProxy_async(AMD_AmdTester_opProxy cb, ObjectPrx p1, Current current) {
        var r = sync.opProxy(p1, current);
        cb.ice_response(r.returnValue(), r.id(), r.facet());
    }

    @Override
    public void addValue_async(AMD_AmdTester_addValue cb, String key, int value, Current current) {
        sync.addValue(key, value, current);
        cb.ice_response();
    }

    @Override
    public void getValues_async(AMD_AmdTester_getValues cb, String key, Current current) {
        cb.ice_response(sync.getValues(key, current));
    }

    @Override
    public void makeBytes_async(AMD_AmdTester_makeBytes cb, int size, int seed, Current current) {
        cb.ice_response(sync.makeBytes(size, seed, current));
    }

    @Override
    public void checksum_async(AMD_AmdTester_checksum cb, byte[] data, Current current) {
        var r = sync.checksum(data, current);
        cb.ice_response(r.returnValue(), r.size());
    }
}
