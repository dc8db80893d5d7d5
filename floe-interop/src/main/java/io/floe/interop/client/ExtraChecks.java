package io.floe.interop.client;

import static io.floe.interop.client.Expect.equal;
import static io.floe.interop.client.Expect.isTrue;
import static io.floe.interop.client.Expect.raises;

import Interop.ContextHelper;
import Interop.Derived;
import Interop.Mixed;
import Interop.Point;
import Interop.Tester;
import Interop.TesterPrx;
import io.floe.FacetNotExistException;
import io.floe.LocalException;
import io.floe.ObjectNotExistException;
import io.floe.ObjectPrx;
import io.floe.OperationMode;
import io.floe.OperationNotExistException;
import io.floe.UnknownLocalException;
import io.floe.encoding.OptionalFormat;
import io.floe.encoding.UserExceptionFactory;
import io.floe.interop.client.InteropClient.Parcel;
import io.floe.interop.client.InteropClient.Registered;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Checks beyond client.py's, from the contract's header and conventions: Java's signed bytes,
 * non-BMP strings and U+0000, NaN and signed zeros, ice_ids, operation modes, unknown identity,
 * facet and operation, malformed parameters, oneway calls of any operation, unknown optional
 * tags, a class the server does not know in the sliced format, a class graph 100 deep, the
 * message size limit and proxies client.py does not send.
 */
final class ExtraChecks {
    private final CheckRunner run;
    private final String name;
    private final TesterPrx prx;
    private final String typeId;

    ExtraChecks(CheckRunner run, String name, TesterPrx prx, String typeId) {
        this.run = run;
        this.name = name;
        this.prx = prx;
        this.typeId = typeId;
    }

    private String c(String check) {
        return name + "." + check;
    }

    /** Per object: run for tester and for amdTester. */
    void run() {
        run.check(c("ice_ids"), () -> {
            String[] expected = {"::Ice::Object", "::Interop::Common", typeId};
            java.util.Arrays.sort(expected);
            equal("ice_ids", expected, prx.ice_ids());
        });
        run.check(c("opString non-BMP and U+0000"), () -> {
            String p1 = "clef \ud834\udd1e nul \u0000 end";
            String p2 = "\ud83d\ude00\u0000";
            equal("opString", new Tester.OpStringResult(p1 + p2, p1), prx.opString(p1, p2));
        });
        run.check(c("NaN, infinities and signed zeros"), this::specialFloats);
        run.check(c("operation modes"), this::operationModes);
        run.check(c("oneway calls of any operation are not answered"), this::onewayAnyOperation);
        run.check(c("unknown optional parameter tags are skipped"), this::unknownOptionalTags);
        run.check(c("opSliced with classes the server does not know"), this::slicedUnknownClasses);
        run.check(c("class graph 100 deep"), () -> {
            Derived first = Fixtures.derived("d0", 0, new Point(0, 0), null);
            Derived last = first;
            for (int i = 1; i < 100; i++) {
                Derived next = Fixtures.derived("d" + i, i, new Point(i, i), null);
                last.peer = next;
                last = next;
            }
            equal("describe(a chain of 100)", Fixtures.describeExpected(first), prx.describe(first));
        });
    }

    /** Once per server. */
    void runServerChecks() {
        run.check("server.unknown identity, facet and operation", () -> {
            ObjectPrx unknown = prx.ice_identity(io.floe.Identity.of("noSuchObject-" + UUID.randomUUID()));
            raises(ObjectNotExistException.class, "unknown identity", unknown::ice_ping);
            raises(FacetNotExistException.class, "unknown facet", () -> prx.ice_facet("noSuchFacet").ice_ping());
            raises(OperationNotExistException.class, "unknown operation", () -> join(invoke(prx,
                    "noSuchOperation", OperationMode.NORMAL, null)));
        });
        run.check("server.malformed parameters are refused and the server keeps serving", () -> {
            // A count of 1000 ints followed by one int: a peer must not read past the encapsulation.
            raises(LocalException.class, "opIntSeq with a count larger than its data", () -> join(
                    prx.ice_reference().invoke("opIntSeq", OperationMode.NORMAL, null, out -> {
                        out.writeSize(1000);
                        out.writeInt(1);
                    }, in -> in.readIntSeq(), UserExceptionFactory.NONE, null)));
            equal("a call afterwards", new Tester.OpIntResult(1, 3), afterClose(() -> prx.opInt(1, 2)));
        });
        run.check("server.requests up to Ice.MessageSizeMax (32 MiB) are accepted, larger ones refused",
                this::messageSizeLimit);
        run.check("server.opProxy with -s, -e 1.0, an adapter id and several endpoints", () -> {
            for (String text : List.of("ind -s -e 1.0 @ SomeAdapter", "sec -s:tcp -h 127.0.0.1 -p 5:tcp -h \"::1\" -p 6",
                    "a\\/b -f \"x y\" -e 1.1:tcp -h 127.0.0.1 -p 7 -t infinite")) {
                ObjectPrx p = prx.ice_getCommunicator().stringToProxy(text);
                Tester.OpProxyResult r = prx.opProxy(p);
                equal("opProxy(" + text + ")", p.ice_reference().toString(), r.returnValue().ice_reference().toString());
            }
        });
        run.check("server.opProxy with an endpoint type the server does not support", () -> {
            ObjectPrx p;
            try {
                p = prx.ice_getCommunicator().stringToProxy("opq:opaque -t 99 -e 1.1 -v AQIDBA==");
            } catch (LocalException e) {
                throw new Skipped("Floe's proxy parser does not accept opaque endpoints yet ("
                        + e.ice_id() + ")");
            }
            equal("opProxy(opaque endpoint)", p.ice_reference().toString(),
                    prx.opProxy(p).returnValue().ice_reference().toString());
        });
        run.check("server.batch oneway requests are dispatched in order", () -> {
            String key = "batch-" + System.nanoTime();
            TesterPrx batch = prx.ice_batchOneway();
            for (int i = 0; i < 50; i++) {
                batch.addValue(key, i);
            }
            batch.ice_flushBatchRequests();
            int[] expected = java.util.stream.IntStream.range(0, 50).toArray();
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
            int[] got = prx.getValues(key);
            while (got.length < expected.length && System.nanoTime() < deadline) {
                Thread.sleep(20);
                got = prx.getValues(key);
            }
            equal("getValues after a flushed batch of 50 addValue", java.util.Arrays.toString(expected),
                    java.util.Arrays.toString(got));
        });
    }

    private void specialFloats() {
        float[] floats = {Float.NaN, -0.0f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.MIN_VALUE};
        for (float f : floats) {
            equal("opFloat(" + f + ", -0.0)", new Tester.OpFloatResult(-0.0f, f), prx.opFloat(f, -0.0f));
        }
        double[] doubles = {Double.NaN, -0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (double d : doubles) {
            equal("opDouble(" + d + ", -0.0)", new Tester.OpDoubleResult(-0.0, d), prx.opDouble(d, -0.0));
        }
        equal("opDoubleSeq(NaN, -0.0, inf)", new Tester.OpDoubleSeqResult(new double[] {Double.NaN, -0.0,
                Double.POSITIVE_INFINITY}, new double[] {-0.0, Double.NaN}),
                prx.opDoubleSeq(new double[] {Double.NaN, -0.0}, new double[] {Double.POSITIVE_INFINITY}));
        Mixed m = Fixtures.sampleMixed(4);
        m.f = -0.0f;
        m.d = Double.NaN;
        m.by = (byte) 0xFF;
        m.sh = Short.MAX_VALUE;
        m.i = Integer.MAX_VALUE;
        m.l = Long.MAX_VALUE;
        Tester.OpMixedResult r = prx.opMixed(m);
        equal("opMixed(-0.0f, NaN, wrapping) p2", Fixtures.transformedMixed(m), r.p2());
        equal("opMixed p2 wraps", "0 -32768 -2147483648 -9223372036854775808 0.0",
                r.p2().by + " " + r.p2().sh + " " + r.p2().i + " " + r.p2().l + " " + r.p2().f);
    }

    private void operationModes() throws Exception {
        raises(UnknownLocalException.class, "opInt sent idempotent", () -> join(prx.ice_reference().invoke("opInt",
                OperationMode.IDEMPOTENT, null, out -> {
                    out.writeInt(1);
                    out.writeInt(2);
                }, in -> in.readInt() + in.readInt(), UserExceptionFactory.NONE, null)));
        raises(UnknownLocalException.class, "getContext (idempotent) sent normal",
                () -> join(invoke(prx, "getContext", OperationMode.NORMAL, ContextHelper::read)));
        equal("getContext (idempotent) sent nonmutating", Map.of(),
                join(invoke(prx, "getContext", OperationMode.NONMUTATING, ContextHelper::read)));
    }

    private static <R> CompletableFuture<R> invoke(ObjectPrx target, String operation, OperationMode mode,
                                                   io.floe.encoding.Decoder<R> results) {
        return target.ice_reference().invoke(operation, mode, null, null, results, UserExceptionFactory.NONE, null);
    }

    private static <R> R join(CompletableFuture<R> call) {
        return ObjectPrx.awaitLocal(call);
    }

    private void onewayAnyOperation() throws Exception {
        String key = "oneway-any-" + name + "-" + UUID.randomUUID();
        ObjectPrx one = CallChecks.oneway(prx);
        TesterPrx typed = TesterPrx.uncheckedCast(one);
        typed.addValue(key, 1);
        // Operations with results and with exceptions, sent oneway: dispatched, never answered.
        join(one.ice_reference().invoke("opInt", OperationMode.NORMAL, null, out -> {
            out.writeInt(1);
            out.writeInt(2);
        }, null, UserExceptionFactory.NONE, null));
        typed.raiseNow(Interop.Fault.FaultRuntime, "oneway", 0);
        typed.raiseNow(Interop.Fault.FaultBase, "oneway", 0);
        typed.addValue(key, 2);
        int[] values = new CallChecks(run, name, prx, null).pollValues(key, 2, Duration.ofSeconds(10));
        equal("values of two oneway addValue around oneway calls that fail", new int[] {1, 2}, values);
        equal("a twoway call afterwards", new Tester.OpIntResult(7, 7 ^ 9), prx.opInt(7, 9));
    }

    /** opOptionalParams with tags 5, 100 and 101 that no server knows, as a newer client sends them. */
    private void unknownOptionalTags() {
        int[] count = new int[1];
        String[] s2 = new String[1];
        OptionalInt result = join(prx.ice_reference().invoke("opOptionalParams", OperationMode.NORMAL, null, out -> {
            out.writeInt(10); // req; then the optional ones sorted by tag
            if (out.writeOptional(1, OptionalFormat.F4)) {
                out.writeInt(5);
            }
            if (out.writeOptional(3, OptionalFormat.VSIZE)) {
                out.writeString("ab");
            }
            if (out.writeOptional(5, OptionalFormat.F4)) {
                out.writeInt(99);
            }
            if (out.writeOptional(100, OptionalFormat.VSIZE)) {
                out.writeString("from a newer client");
            }
            if (out.writeOptional(101, OptionalFormat.FSIZE)) {
                int start = out.startSize();
                out.writeStringSeq(new String[] {"x", "y"});
                out.endSize(start);
            }
        }, in -> {
            count[0] = in.readInt();
            OptionalInt ret = in.readOptional(11, OptionalFormat.F4) ? OptionalInt.of(in.readInt()) : OptionalInt.empty();
            isTrue(!in.readOptional(12, OptionalFormat.VSIZE), "p2 present without p");
            isTrue(!in.readOptional(13, OptionalFormat.FSIZE), "ss2 present without ss");
            s2[0] = in.readOptional(14, OptionalFormat.VSIZE) ? in.readString() : null;
            isTrue(!in.readOptional(50, OptionalFormat.SIZE), "lv2 present without lv");
            return ret;
        }, UserExceptionFactory.NONE, null));
        equal("return value, count and s2", new Object[] {OptionalInt.of(15), 2, "abab"},
                new Object[] {result, count[0], s2[0]});
    }

    private void slicedUnknownClasses() {
        Derived attached = Fixtures.derived("attached", 5, new Point(1, 2), null);
        Parcel parcel = new Parcel();
        parcel.label = "parcel";
        parcel.weight = 3;
        parcel.items = new String[] {"a", "b"};
        parcel.attachment = attached;
        Registered registered = new Registered();
        registered.label = "registered \u2709";
        registered.weight = -1;
        registered.items = new String[0];
        registered.attachment = Fixtures.derived("inner", 6, new Point(3, 4), Fixtures.compact("w", 9));
        registered.tracking = "RR123";
        registered.setInsured(1_000_000_000_000L);
        for (Interop.Envelope env : new Interop.Envelope[] {parcel, registered}) {
            Tester.OpSlicedResult r = prx.opSliced(env);
            equal("opSliced(" + env.ice_id() + ")", new Tester.OpSlicedResult(env, env.label), r);
        }
        Registered plain = new Registered();
        plain.label = "no optional";
        plain.items = new String[] {"z"};
        Tester.OpSlicedResult r = prx.opSliced(plain);
        equal("opSliced(Registered without insured)", new Tester.OpSlicedResult(plain, "no optional"), r);
        isTrue(r.returnValue() instanceof Registered back && !back.hasInsured(),
                "opSliced: an absent optional member came back present");
    }

    private void messageSizeLimit() throws Exception {
        int limit = 32 * Fixtures.MIB; // 33,554,432 bytes, headers included
        byte[] under = new byte[limit - 1024];
        equal("checksum(32 MiB - 1 KiB)", (long) under.length, (long) afterClose(() -> prx.checksum(under)).size());
        byte[] over = new byte[limit + 1024];
        raises(LocalException.class, "checksum(32 MiB + 1 KiB)", () -> prx.checksum(over));
        equal("a call afterwards, on a new connection", new Tester.OpIntResult(1, 3), afterClose(() -> prx.opInt(1, 2)));
    }

    /**
     * A call right after the server may have closed the connection (as the contract allows for
     * malformed and oversized requests): once more on a new connection if the first attempt
     * found it closed, as Ice retries. Floe does not retry on its own yet.
     */
    private static <R> R afterClose(java.util.function.Supplier<R> call) {
        try {
            return call.get();
        } catch (io.floe.ConnectionLostException | io.floe.CloseConnectionException e) {
            return call.get();
        }
    }
}
