package io.floe.interop.client;

import static io.floe.interop.client.Expect.equal;
import static io.floe.interop.client.Expect.isTrue;
import static io.floe.interop.client.Fixtures.base;
import static io.floe.interop.client.Fixtures.compact;
import static io.floe.interop.client.Fixtures.derived;
import static io.floe.interop.client.Fixtures.describeExpected;
import static io.floe.interop.client.Fixtures.moreDerived;

import Interop.Base;
import Interop.Color;
import Interop.Compact;
import Interop.Derived;
import Interop.Envelope;
import Interop.Level;
import Interop.MoreDerived;
import Interop.Optionals;
import Interop.Point;
import Interop.Tester;
import Interop.TesterPrx;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** client.py's checks of classes, optional data members, the sliced format and optional parameters. */
final class ClassChecks {
    private final CheckRunner run;
    private final String name;
    private final TesterPrx prx;

    ClassChecks(CheckRunner run, String name, TesterPrx prx) {
        this.run = run;
        this.name = name;
        this.prx = prx;
    }

    private String c(String check) {
        return name + "." + check;
    }

    void run() {
        run.check(c("opBase"), this::opBase);
        run.check(c("describe"), this::describe);
        run.check(c("makeChain"), this::makeChain);
        run.check(c("opShared"), this::opShared);
        run.check(c("opBaseSeq"), this::opBaseSeq);
        run.check(c("opOptionals"), this::opOptionals);
        run.check(c("opSliced"), this::opSliced);
        run.check(c("opOptionalParams"), this::opOptionalParams);
    }

    private void opBase() {
        equal("opBase(null)", null, prx.opBase(null));
        Base b = base("plain");
        equal("opBase(Base)", b, prx.opBase(b));
        Derived d1 = derived("d1", 1, new Point(1, 1), null);
        MoreDerived d2 = moreDerived("d2", -2, new Point(2, 2), d1, new String[] {"x", "y"}, Color.Green);
        d1.peer = d2; // a cycle of two
        Base r = prx.opBase(d1);
        equal("opBase(cycle)", d1, r);
        isTrue(((Derived) ((Derived) r).peer).peer == r, "opBase(cycle): the cycle did not come back as a cycle");
        Compact comp = compact("cmp", 77);
        equal("opBase(Compact)", comp, prx.opBase(comp));
        Derived holder = derived("holder", 3, new Point(0, 0), comp);
        equal("opBase(Derived holding a Compact)", holder, prx.opBase(holder));
    }

    private void describe() {
        Derived d1 = derived("a", 1, new Point(2, 3), null);
        d1.peer = moreDerived("b", -4, new Point(0, 0), d1, new String[] {"x", "y"}, Color.Green);
        equal("describe(the contract's example)", "Derived(a,1,2,3) -> MoreDerived(b,-4,0,0,Green,x|y) -> @0",
                prx.describe(d1));
        List<Base> cases = new ArrayList<>();
        cases.add(null);
        cases.add(base("solo"));
        cases.add(compact("c", -9));
        cases.add(derived("end", 5, new Point(-1, 7), null));
        cases.add(derived("x", 1, new Point(0, 0), base("leaf")));
        cases.add(moreDerived("m", 2, new Point(1, 1), compact("k", 3), new String[0], Color.Red));
        Derived selfLoop = derived("self", 9, new Point(9, 9), null);
        selfLoop.peer = selfLoop;
        cases.add(selfLoop);
        for (Base b : cases) {
            equal("describe(" + describeExpected(b) + ")", describeExpected(b), prx.describe(b));
        }
    }

    private void makeChain() {
        equal("makeChain(0)", null, prx.makeChain(0, true));
        Object[][] cases = {{1, false}, {1, true}, {3, true}, {5, false}, {7, true}};
        for (Object[] k : cases) {
            int n = (Integer) k[0];
            boolean ring = (Boolean) k[1];
            Derived r = prx.makeChain(n, ring);
            equal("makeChain(" + n + ", " + ring + ")", Fixtures.chainExpected(n, ring), r);
            equal("makeChain(" + n + ", " + ring + ") described",
                    describeExpected(Fixtures.chainExpected(n, ring)), describeExpected(r));
        }
        equal("makeChain(3, true), the contract's example",
                "Derived(o0,0,0,0) -> Derived(o1,1,1,-1) -> MoreDerived(o2,2,2,-2,Blue,t2) -> @0",
                describeExpected(prx.makeChain(3, true)));
    }

    private void opShared() {
        Derived b = derived("shared", 1, new Point(0, 0), null);
        Tester.OpSharedResult r = prx.opShared(b, b);
        equal("opShared(b, b) return", true, r.returnValue());
        equal("opShared p3", b, r.p3());
        isTrue(r.p3() == r.p4(), "opShared: p3 and p4 are not the same instance");
        r = prx.opShared(b, derived("shared", 1, new Point(0, 0), null));
        equal("opShared(b, copy of b) return", false, r.returnValue());
        r = prx.opShared(null, null);
        equal("opShared(null, null)", new Tester.OpSharedResult(false, null, null), r);
    }

    private void opBaseSeq() {
        Base a = base("a");
        Derived b = derived("b", 2, new Point(2, 2), a);
        Base a2 = base("a");
        Base[] p1 = {a, null, b, a, a2};
        Tester.OpBaseSeqResult result = prx.opBaseSeq(p1);
        Base[] r = result.returnValue();
        Map<String, Base> d = result.p2();
        equal("opBaseSeq return", new Base[] {a2, a, b, null, a}, r);
        isTrue(r[4] == r[1], "opBaseSeq: a shared element came back as two instances");
        isTrue(((Derived) r[2]).peer == r[1], "opBaseSeq: b.peer is not the shared a");
        equal("opBaseSeq p2 keys", List.of("a", "b"), d.keySet().stream().sorted().toList());
        isTrue(d.get("a") == r[0], "opBaseSeq: p2['a'] is not the last 'a' of p1");
        isTrue(d.get("b") == r[2], "opBaseSeq: p2['b'] is not the instance in the return value");
    }

    static Optionals fullOptionals(int required) {
        Optionals o = new Optionals();
        o.required = required;
        o.setOb(true);
        o.setOby((byte) 0xAB);
        o.setOsh((short) -300);
        o.setOi(70000);
        o.setOl(-(1L << 40));
        o.setOfl(2.5f);
        o.setOd(-1.0e100);
        o.setOstr("opt\u00e9");
        o.setOc(Color.Blue);
        o.setOpt(new Point(5, -5));
        o.setOmix(Fixtures.sampleMixed(1));
        o.setOints(new int[] {1, 2, 3});
        o.setOstrs(new String[] {"p", "q"});
        o.setOdict(Map.of("k", 1));
        o.setOlv(Level.High);
        return o;
    }

    private void opOptionals() {
        Tester.OpOptionalsResult r = prx.opOptionals(fullOptionals(41));
        equal("opOptionals(all present)", fullOptionals(42), r.returnValue());
        equal("opOptionals tags", new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 300}, r.tags());
        Optionals none = new Optionals();
        none.required = -5;
        Optionals noneExpected = new Optionals();
        noneExpected.required = -4;
        r = prx.opOptionals(none);
        equal("opOptionals(none present)", noneExpected, r.returnValue());
        equal("opOptionals(none present) tags", new int[0], r.tags());
        r = prx.opOptionals(someOptionals(0));
        equal("opOptionals(some present)", someOptionals(1), r.returnValue());
        equal("opOptionals(some present) tags", new int[] {4, 8, 12, 300}, r.tags());
        equal("opOptionals(null)", new Tester.OpOptionalsResult(null, new int[0]), prx.opOptionals(null));
    }

    private static Optionals someOptionals(int required) {
        Optionals o = new Optionals();
        o.required = required;
        o.setOi(7);
        o.setOstr("");
        o.setOints(new int[0]);
        o.setOlv(Level.Low);
        return o;
    }

    private void opSliced() {
        Envelope env = new Envelope();
        env.label = "letter \u2709";
        Tester.OpSlicedResult r = prx.opSliced(env);
        equal("opSliced(Envelope)", new Tester.OpSlicedResult(env, "letter \u2709"), r);
        equal("opSliced(null)", new Tester.OpSlicedResult(null, ""), prx.opSliced(null));
    }

    private void opOptionalParams() {
        Tester.OpOptionalParamsResult r = prx.opOptionalParams(10, Optional.of("ab"), OptionalInt.of(5),
                Optional.of(new Point(1, 2)), Optional.of(new String[] {"x", "y", "z"}), Optional.of(Level.High));
        equal("opOptionalParams(all present)", new Tester.OpOptionalParamsResult(OptionalInt.of(15), 5,
                Optional.of("abab"), Optional.of(new Point(2, 1)), Optional.of(new String[] {"z", "y", "x"}),
                Optional.of(Level.High)), r);
        r = prx.opOptionalParams(10, Optional.empty(), OptionalInt.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
        equal("opOptionalParams(none present)", new Tester.OpOptionalParamsResult(OptionalInt.empty(), 0,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()), r);
        r = prx.opOptionalParams(Integer.MAX_VALUE, Optional.empty(), OptionalInt.of(1), Optional.empty(),
                Optional.of(new String[0]), Optional.empty());
        equal("opOptionalParams(i and an empty ss)", new Tester.OpOptionalParamsResult(
                OptionalInt.of(Integer.MIN_VALUE), 2, Optional.empty(), Optional.empty(),
                Optional.of(new String[0]), Optional.empty()), r);
        r = prx.opOptionalParams(0, Optional.of("\u00fc"), OptionalInt.empty(), Optional.of(new Point(-1, 0)),
                Optional.empty(), Optional.of(Level.Low));
        equal("opOptionalParams(s, p, lv)", new Tester.OpOptionalParamsResult(OptionalInt.empty(), 3,
                Optional.of("\u00fc\u00fc"), Optional.of(new Point(0, -1)), Optional.empty(),
                Optional.of(Level.Low)), r);
    }
}
