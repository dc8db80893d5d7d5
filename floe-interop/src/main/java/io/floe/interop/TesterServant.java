package io.floe.interop;

import Interop.AmdTesterPrx;
import Interop.Base;
import Interop.BaseError;
import Interop.CallbackPrx;
import Interop.Color;
import Interop.Derived;
import Interop.Envelope;
import Interop.Fault;
import Interop.Ident;
import Interop.Level;
import Interop.Mixed;
import Interop.Optionals;
import Interop.Point;
import Interop.Tester;
import Interop.TesterPrx;
import io.floe.Current;
import io.floe.Identity;
import io.floe.ObjectPrx;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@code Interop::Tester}: every operation runs to completion on the dispatch thread (delay and
 * raiseLater sleep there; callCallback waits for the callback's reply). Its data operations are
 * also the single implementation of their semantics: {@link AmdTesterServant} answers with
 * what they return.
 */
final class TesterServant implements Tester {
    static final Identity TESTER = Identity.of("tester");
    static final Identity AMD_TESTER = Identity.of("amdTester");

    private final ValueStore store;

    TesterServant(ValueStore store) {
        this.store = store;
    }

    // ---- Common

    @Override
    public TesterPrx getTester(Current current) {
        return TesterPrx.uncheckedCast(current.adapter().createProxy(TESTER));
    }

    @Override
    public AmdTesterPrx getAmdTester(Current current) {
        return AmdTesterPrx.uncheckedCast(current.adapter().createProxy(AMD_TESTER));
    }

    /** Replies, then the server stops: shutdown() does not wait, so this dispatch answers first. */
    @Override
    public void shutdown(Current current) {
        current.adapter().communicator().shutdown();
    }

    // ---- primitives

    @Override
    public OpBoolResult opBool(boolean p1, boolean p2, Current current) {
        return new OpBoolResult(p1, p1 ^ p2);
    }

    @Override
    public OpByteResult opByte(byte p1, byte p2, Current current) {
        return new OpByteResult(p1, (byte) (p1 ^ p2));
    }

    @Override
    public OpShortResult opShort(short p1, short p2, Current current) {
        return new OpShortResult(p1, (short) (p1 ^ p2));
    }

    @Override
    public OpIntResult opInt(int p1, int p2, Current current) {
        return new OpIntResult(p1, p1 ^ p2);
    }

    @Override
    public OpLongResult opLong(long p1, long p2, Current current) {
        return new OpLongResult(p1, p1 ^ p2);
    }

    @Override
    public OpFloatResult opFloat(float p1, float p2, Current current) {
        return new OpFloatResult(p2, p1);
    }

    @Override
    public OpDoubleResult opDouble(double p1, double p2, Current current) {
        return new OpDoubleResult(p2, p1);
    }

    @Override
    public OpStringResult opString(String p1, String p2, Current current) {
        return new OpStringResult(p1 + p2, p1);
    }

    // ---- structs and enums

    @Override
    public OpMixedResult opMixed(Mixed p1, Current current) {
        return new OpMixedResult(p1, InteropLogic.transform(p1));
    }

    @Override
    public OpColorResult opColor(Color p1, Current current) {
        return new OpColorResult(p1, InteropLogic.nextColor(p1));
    }

    @Override
    public OpLevelResult opLevel(Level p1, Current current) {
        return new OpLevelResult(p1, InteropLogic.nextLevel(p1));
    }

    // ---- sequences of primitives

    @Override
    public OpBoolSeqResult opBoolSeq(boolean[] p1, boolean[] p2, Current current) {
        return new OpBoolSeqResult(InteropLogic.concat(p1, p2), InteropLogic.reversed(p1));
    }

    @Override
    public OpByteSeqResult opByteSeq(byte[] p1, byte[] p2, Current current) {
        return new OpByteSeqResult(InteropLogic.concat(p1, p2), InteropLogic.reversed(p1));
    }

    @Override
    public OpShortSeqResult opShortSeq(short[] p1, short[] p2, Current current) {
        return new OpShortSeqResult(InteropLogic.concat(p1, p2), InteropLogic.reversed(p1));
    }

    @Override
    public OpIntSeqResult opIntSeq(int[] p1, int[] p2, Current current) {
        return new OpIntSeqResult(InteropLogic.concat(p1, p2), InteropLogic.reversed(p1));
    }

    @Override
    public OpLongSeqResult opLongSeq(long[] p1, long[] p2, Current current) {
        return new OpLongSeqResult(InteropLogic.concat(p1, p2), InteropLogic.reversed(p1));
    }

    @Override
    public OpFloatSeqResult opFloatSeq(float[] p1, float[] p2, Current current) {
        return new OpFloatSeqResult(InteropLogic.concat(p1, p2), InteropLogic.reversed(p1));
    }

    @Override
    public OpDoubleSeqResult opDoubleSeq(double[] p1, double[] p2, Current current) {
        return new OpDoubleSeqResult(InteropLogic.concat(p1, p2), InteropLogic.reversed(p1));
    }

    @Override
    public OpStringSeqResult opStringSeq(String[] p1, String[] p2, Current current) {
        return new OpStringSeqResult(InteropLogic.concat(p1, p2), InteropLogic.reversed(p1));
    }

    // ---- sequences of enums and structs, nested sequences

    @Override
    public Level[] opLevelSeq(Level[] p1, Current current) {
        return InteropLogic.reversed(p1);
    }

    @Override
    public OpPointSeqResult opPointSeq(Point[] p1, Current current) {
        return new OpPointSeqResult(InteropLogic.reversed(p1), InteropLogic.swapped(p1));
    }

    @Override
    public Mixed[] opMixedSeq(Mixed[] p1, Current current) {
        return InteropLogic.reversed(p1);
    }

    @Override
    public OpIntSeqSeqResult opIntSeqSeq(int[][] p1, Current current) {
        return new OpIntSeqSeqResult(InteropLogic.reversed(p1), InteropLogic.innerReversed(p1));
    }

    @Override
    public String[][] opStringSeqSeq(String[][] p1, Current current) {
        return InteropLogic.reversed(p1);
    }

    // ---- dictionaries

    @Override
    public OpStringIntDictResult opStringIntDict(Map<String, Integer> p1, Map<String, Integer> p2,
                                                 Current current) {
        return new OpStringIntDictResult(InteropLogic.union(p1, p2), InteropLogic.negated(p1));
    }

    @Override
    public OpPointStringDictResult opPointStringDict(Map<Point, String> p1, Current current) {
        return new OpPointStringDictResult(p1, InteropLogic.valuesByPoint(p1));
    }

    @Override
    public Map<String, int[]> opStringIntSeqDict(Map<String, int[]> p1, Current current) {
        return InteropLogic.valuesReversed(p1);
    }

    // ---- classes

    @Override
    public Base opBase(Base p1, Current current) {
        return p1;
    }

    @Override
    public String describe(Base p1, Current current) {
        return InteropLogic.describe(p1);
    }

    @Override
    public Derived makeChain(int n, boolean ring, Current current) {
        return InteropLogic.makeChain(n, ring);
    }

    @Override
    public OpSharedResult opShared(Base p1, Base p2, Current current) {
        return new OpSharedResult(p1 != null && p1 == p2, p1, p1);
    }

    @Override
    public OpBaseSeqResult opBaseSeq(Base[] p1, Current current) {
        return new OpBaseSeqResult(InteropLogic.reversed(p1), InteropLogic.byName(p1));
    }

    @Override
    public OpOptionalsResult opOptionals(Optionals p1, Current current) {
        return new OpOptionalsResult(InteropLogic.copyOptionals(p1), InteropLogic.presentTags(p1));
    }

    @Override
    public OpSlicedResult opSliced(Envelope p1, Current current) {
        return new OpSlicedResult(p1, p1 == null ? "" : p1.label);
    }

    // ---- optional parameters

    @Override
    public OpOptionalParamsResult opOptionalParams(int req, Optional<String> s, OptionalInt i,
                                                   Optional<Point> p, Optional<String[]> ss,
                                                   Optional<Level> lv, Current current) {
        OptionalInt returnValue = i.isPresent() ? OptionalInt.of(req + i.getAsInt()) : OptionalInt.empty();
        int count = (i.isPresent() ? 1 : 0) + (s.isPresent() ? 1 : 0) + (p.isPresent() ? 1 : 0)
                + (ss.isPresent() ? 1 : 0) + (lv.isPresent() ? 1 : 0);
        return new OpOptionalParamsResult(returnValue, count, s.map(v -> v + v),
                p.map(InteropLogic::swap), ss.map(InteropLogic::reversed), lv);
    }

    // ---- exceptions

    @Override
    public void raiseNow(Fault kind, String reason, int code, Current current) throws BaseError {
        Faults.raise(kind, reason, code);
    }

    @Override
    public void raiseLater(Fault kind, String reason, int code, int ms, Current current) throws BaseError {
        sleep(ms);
        Faults.raise(kind, reason, code);
    }

    // ---- proxies

    @Override
    public OpProxyResult opProxy(ObjectPrx p1, Current current) {
        if (p1 == null) {
            return new OpProxyResult(null, new Ident("", ""), "");
        }
        Identity id = p1.ice_getIdentity();
        return new OpProxyResult(p1, new Ident(id.name(), id.category()), p1.ice_getFacet());
    }

    @Override
    public String callCallback(CallbackPrx cb, String msg, Current current) throws BaseError {
        if (cb == null) {
            throw nullCallback();
        }
        return cb.hello(msg) + "!";
    }

    static BaseError nullCallback() {
        BaseError e = new BaseError();
        e.reason = "null callback";
        return e;
    }

    // ---- request context, oneway, idempotent

    @Override
    public Map<String, String> getContext(Current current) {
        return Map.copyOf(current.ctx());
    }

    @Override
    public void addValue(String key, int value, Current current) {
        store.add(key, value);
    }

    @Override
    public int[] getValues(String key, Current current) {
        return store.get(key);
    }

    // ---- large payloads

    @Override
    public byte[] makeBytes(int size, int seed, Current current) {
        return InteropLogic.makeBytes(size, seed);
    }

    @Override
    public ChecksumResult checksum(byte[] data, Current current) {
        return new ChecksumResult(InteropLogic.crc32(data), data.length);
    }

    // ---- time

    @Override
    public int delay(int ms, int value, Current current) {
        sleep(ms);
        return value;
    }

    private static void sleep(int ms) {
        if (ms <= 0) {
            return;
        }
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // answer at once; the pool sees the flag
        }
    }
}
