package io.floe.interop.client;

import static io.floe.interop.client.Expect.equal;
import static io.floe.interop.client.Expect.isTrue;
import static io.floe.interop.client.Expect.raises;

import Interop.AmdTester;
import Interop.AmdTesterPrx;
import Interop.BaseError;
import Interop.CallbackPrx;
import Interop.DerivedError;
import Interop.Fault;
import Interop.Ident;
import Interop.Tester;
import Interop.TesterPrx;
import io.floe.Communicator;
import io.floe.ObjectNotExistException;
import io.floe.ObjectPrx;
import io.floe.UnknownException;
import io.floe.UnknownLocalException;
import io.floe.UnknownUserException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.zip.CRC32;

/**
 * client.py's checks of the built-in operations, getTester/getAmdTester, exceptions, proxies,
 * the callback, request contexts, oneway calls and the value store, large payloads and delays.
 */
final class CallChecks {
    private final CheckRunner run;
    private final String name;
    private final TesterPrx prx;
    private final CallbackPrx callback;

    CallChecks(CheckRunner run, String name, TesterPrx prx, CallbackPrx callback) {
        this.run = run;
        this.name = name;
        this.prx = prx;
        this.callback = callback;
    }

    private String c(String check) {
        return name + "." + check;
    }

    /** The first two of client.py's checks; {@link #run} does the rest after the data checks. */
    void runBuiltins() {
        run.check(c("builtins"), this::builtins);
        run.check(c("getTester/getAmdTester"), this::getProxies);
    }

    void run() {
        for (String op : new String[] {"raiseNow", "raiseLater"}) {
            exceptions(op);
        }
        run.check(c("alive after exceptions"),
                () -> equal("a call after the exceptions", new Tester.OpIntResult(1, 3), prx.opInt(1, 2)));
        run.check(c("opProxy"), this::opProxy);
        run.check(c("callCallback"), this::callCallback);
        run.check(c("getContext"), this::getContext);
        run.check(c("oneway addValue"), this::onewayAddValue);
        run.check(c("twoway addValue/getValues"), this::twowayValues);
        run.check(c("makeBytes 8 MiB"), this::makeBytes);
        run.check(c("checksum 6 MiB"), this::checksum);
        run.check(c("opByteSeq 4 MiB"), this::bigByteSeq);
        run.check(c("delay"), this::delay);
    }

    String ownTypeId() {
        return name.equals("tester") ? Tester.TYPE_ID : AmdTester.TYPE_ID;
    }

    private void builtins() {
        prx.ice_ping();
        equal("ice_isA(own type)", true, prx.ice_isA(ownTypeId()));
        equal("ice_isA(::Interop::Common)", true, prx.ice_isA("::Interop::Common"));
        equal("ice_id", ownTypeId(), prx.ice_id());
    }

    private void getProxies() {
        TesterPrx t = prx.getTester();
        AmdTesterPrx a = prx.getAmdTester();
        equal("getTester identity", "tester", t.ice_getIdentity().name());
        equal("getAmdTester identity", "amdTester", a.ice_getIdentity().name());
        equal("opInt through getTester's proxy", new Tester.OpIntResult(5, 6), t.opInt(5, 3));
        equal("opInt through getAmdTester's proxy", new AmdTester.OpIntResult(5, 6), a.opInt(5, 3));
    }

    private void exceptions(String op) {
        boolean now = op.equals("raiseNow");
        Raise call = (kind, reason, code) -> {
            if (now) {
                prx.raiseNow(kind, reason, code);
            } else {
                prx.raiseLater(kind, reason, code, 20);
            }
        };
        run.check(c(op + ".NoFault"), () -> call.raise(Fault.NoFault, "none", 0));
        run.check(c(op + ".FaultBase"), () -> {
            BaseError ex = raises(BaseError.class, "call", () -> call.raise(Fault.FaultBase, "base \u00e9", 3));
            equal("exception type", "BaseError", ex.getClass().getSimpleName());
            equal("reason", "base \u00e9", ex.reason);
        });
        run.check(c(op + ".FaultDerived"), () -> {
            DerivedError ex = raises(DerivedError.class, "call", () -> call.raise(Fault.FaultDerived, "derived", -5));
            equal("members", "derived -5 code -5", ex.reason + " " + ex.code + " " + ex.getHint());
            BaseError base = raises(BaseError.class, "call", () -> call.raise(Fault.FaultDerived, "d0", 0));
            isTrue(base instanceof DerivedError, "a DerivedError caught as BaseError");
            DerivedError d0 = (DerivedError) base;
            equal("members (hint absent)", "d0 0 false", d0.reason + " " + d0.code + " " + d0.hasHint());
        });
        run.check(c(op + ".FaultUndeclared"),
                () -> raises(UnknownUserException.class, "call", () -> call.raise(Fault.FaultUndeclared, "u", 1)));
        run.check(c(op + ".FaultObjectNotExist"), () -> {
            ObjectNotExistException ex = raises(ObjectNotExistException.class, "call",
                    () -> call.raise(Fault.FaultObjectNotExist, "o", 0));
            equal("ObjectNotExistException.id.name", name, ex.id() == null ? null : ex.id().name());
            equal("ObjectNotExistException.operation", op, ex.operation());
        });
        run.check(c(op + ".FaultLocal"),
                () -> raises(UnknownLocalException.class, "call", () -> call.raise(Fault.FaultLocal, "l", 0)));
        run.check(c(op + ".FaultRuntime"), () -> {
            UnknownException ex = raises(UnknownException.class, "call", () -> call.raise(Fault.FaultRuntime, "r", 0));
            isTrue(!(ex instanceof UnknownLocalException || ex instanceof UnknownUserException),
                    "expected plain UnknownException, got " + ex.getClass().getSimpleName());
        });
    }

    @FunctionalInterface
    private interface Raise {
        void raise(Fault kind, String reason, int code) throws Exception;
    }

    private void opProxy() {
        equal("opProxy(null)", new Tester.OpProxyResult(null, new Ident("", ""), ""), prx.opProxy(null));
        Communicator comm = prx.ice_getCommunicator();
        String[][] cases = {
                {"plain:tcp -h 127.0.0.1 -p 12345", "plain", "", ""},
                {"cat/obj -f fac -o:tcp -h 127.0.0.1 -p 1 -t 500:tcp -h 127.0.0.2 -p 2 -z", "obj", "cat", "fac"},
                {"\u00e9l\u00e8ve -t -e 1.1:tcp -h localhost -p 99", "\u00e9l\u00e8ve", "", ""}};
        for (String[] k : cases) {
            ObjectPrx p = comm.stringToProxy(k[0]);
            Tester.OpProxyResult r = prx.opProxy(p);
            equal("opProxy(" + k[0] + ") proxy", p, r.returnValue());
            equal("opProxy(" + k[0] + ") as string", comm.proxyToString(p), comm.proxyToString(r.returnValue()));
            equal("opProxy(" + k[0] + ") identity and facet", new Object[] {new Ident(k[1], k[2]), k[3]},
                    new Object[] {r.id(), r.facet()});
        }
    }

    private void callCallback() throws Exception {
        equal("callCallback", "hello from the client!", prx.callCallback(callback, "from the client"));
        BaseError ex = raises(BaseError.class, "callCallback(null)", () -> prx.callCallback(null, "x"));
        equal("reason", "null callback", ex.reason);
    }

    private void getContext() {
        Map<String, String> ctx = Map.of("user", "alice", "trace-id", "42", "\u00fcml", "\u00e4\u00f6\u00fc",
                "empty", "");
        equal("getContext(explicit context)", ctx, prx.getContext(ctx));
        equal("getContext(no context)", Map.of(), prx.getContext());
        TesterPrx perProxy = TesterPrx.uncheckedCast(prx.ice_context(Map.of("proxy", "ctx")));
        equal("getContext(per-proxy context)", Map.of("proxy", "ctx"), perProxy.getContext());
    }

    /** The same target sent oneway: a stringified proxy with -o (Floe has no ice_oneway() yet). */
    static ObjectPrx oneway(ObjectPrx proxy) {
        String twoway = proxy.ice_reference().toString(); // "<identity> -t -e 1.1:<endpoints>"
        return proxy.ice_getCommunicator().stringToProxy(twoway.replaceFirst(" -t ", " -o "));
    }

    private void onewayAddValue() throws InterruptedException {
        String key = "oneway-" + name + "-" + UUID.randomUUID();
        TesterPrx one = TesterPrx.uncheckedCast(oneway(prx));
        for (int v = 0; v < 20; v++) {
            one.addValue(key, v);
        }
        int[] values = pollValues(key, 20, Duration.ofSeconds(10));
        int[] sorted = values.clone();
        Arrays.sort(sorted);
        equal("values recorded by 20 oneway addValue calls", range(20), sorted);
    }

    /** getValues(key) until it has {@code count} values or {@code timeout} passes. */
    int[] pollValues(String key, int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int[] values = prx.getValues(key);
        while (values.length < count && System.nanoTime() < deadline) {
            Thread.sleep(50); // polling a remote store: nothing to wait on here
            values = prx.getValues(key);
        }
        return values;
    }

    static int[] range(int n) {
        int[] r = new int[n];
        Arrays.setAll(r, i -> i);
        return r;
    }

    private void twowayValues() {
        String key = "twoway-" + name + "-" + UUID.randomUUID();
        equal("getValues(unknown key)", new int[0], prx.getValues(key));
        for (int v : new int[] {5, -1, 5}) {
            prx.addValue(key, v);
        }
        equal("getValues after three twoway addValue", new int[] {5, -1, 5}, prx.getValues(key));
    }

    private void makeBytes() {
        int[][] cases = {{0, 1}, {1, 0}, {1000, 255}, {8 * Fixtures.MIB, 3}};
        for (int[] k : cases) {
            byte[] r = prx.makeBytes(k[0], k[1]);
            equal("makeBytes(" + k[0] + ", " + k[1] + ") length", k[0], r.length);
            isTrue(Arrays.equals(r, Fixtures.expectedBytes(k[0], k[1])),
                    "makeBytes(" + k[0] + ", " + k[1] + "): wrong content");
        }
    }

    private void checksum() {
        Random random = new Random(7);
        for (int size : new int[] {0, 1, 4096, 6 * Fixtures.MIB + 5}) {
            byte[] data = new byte[size];
            random.nextBytes(data);
            CRC32 crc = new CRC32();
            crc.update(data);
            equal("checksum(" + size + " bytes)", new Tester.ChecksumResult(crc.getValue(), size), prx.checksum(data));
        }
    }

    private void bigByteSeq() {
        byte[] p1 = Fixtures.expectedBytes(2 * Fixtures.MIB, 1);
        byte[] p2 = Fixtures.expectedBytes(2 * Fixtures.MIB + 3, 2);
        Tester.OpByteSeqResult r = prx.opByteSeq(p1, p2);
        byte[] concatenated = Arrays.copyOf(p1, p1.length + p2.length);
        System.arraycopy(p2, 0, concatenated, p1.length, p2.length);
        isTrue(Arrays.equals(r.returnValue(), concatenated), "opByteSeq(2 MiB, 2 MiB): wrong concatenation");
        byte[] reversed = new byte[p1.length];
        for (int i = 0; i < p1.length; i++) {
            reversed[i] = p1[p1.length - 1 - i];
        }
        isTrue(Arrays.equals(r.p3(), reversed), "opByteSeq(2 MiB, 2 MiB): wrong reversal");
    }

    private void delay() {
        long start = System.nanoTime();
        equal("delay(100, 42)", 42, prx.delay(100, 42));
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        isTrue(elapsedMs >= 95, "delay(100) answered after " + elapsedMs + " ms");
        equal("delay(0, -7)", -7, prx.delay(0, -7));
    }
}
