package io.floe.interop.client;

import static io.floe.interop.client.Expect.equal;
import static io.floe.interop.client.Fixtures.COLORS;
import static io.floe.interop.client.Fixtures.LEVELS;

import Interop.Level;
import Interop.Mixed;
import Interop.Point;
import Interop.Tester;
import Interop.TesterPrx;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * client.py's checks of primitives, structs, enums, sequences and dictionaries, for one object
 * ({@code tester} or {@code amdTester}, both called through a TesterPrx: the two interfaces
 * declare the same operations, so the requests are the same bytes).
 */
final class ValueChecks {
    private final CheckRunner run;
    private final String name;
    private final TesterPrx prx;

    ValueChecks(CheckRunner run, String name, TesterPrx prx) {
        this.run = run;
        this.name = name;
        this.prx = prx;
    }

    private String c(String check) {
        return name + "." + check;
    }

    void run() {
        primitives();
        structsAndEnums();
        sequences();
        dictionaries();
    }

    private void primitives() {
        run.check(c("opBool"), () -> {
            for (boolean p1 : new boolean[] {true, false}) {
                for (boolean p2 : new boolean[] {true, false}) {
                    equal("opBool(" + p1 + ", " + p2 + ")", new Tester.OpBoolResult(p1, p1 != p2),
                            prx.opBool(p1, p2));
                }
            }
        });
        run.check(c("opByte"), () -> {
            int[][] cases = {{0x00, 0xFF}, {0x7F, 0x80}, {0x12, 0x34}, {0xFF, 0xFF}};
            for (int[] p : cases) {
                byte p1 = (byte) p[0];
                byte p2 = (byte) p[1];
                equal("opByte(" + p1 + ", " + p2 + ")", new Tester.OpByteResult(p1, (byte) (p1 ^ p2)),
                        prx.opByte(p1, p2));
            }
        });
        run.check(c("opShort"), () -> {
            short[][] cases = {{1, -1}, {0x1234, 0x4321}, {-32768, 32767}, {0, -2}};
            for (short[] p : cases) {
                equal("opShort(" + p[0] + ", " + p[1] + ")",
                        new Tester.OpShortResult(p[0], (short) (p[0] ^ p[1])), prx.opShort(p[0], p[1]));
            }
        });
        run.check(c("opInt"), () -> {
            int[][] cases = {{1, -1}, {0x12345678, 0x0F0F0F0F}, {Integer.MIN_VALUE, Integer.MAX_VALUE}, {-7, 99}};
            for (int[] p : cases) {
                equal("opInt(" + p[0] + ", " + p[1] + ")", new Tester.OpIntResult(p[0], p[0] ^ p[1]),
                        prx.opInt(p[0], p[1]));
            }
        });
        run.check(c("opLong"), () -> {
            long[][] cases = {{1, -1}, {0x123456789ABCDEF0L, 0x0F0F0F0F0F0F0F0FL},
                    {Long.MIN_VALUE, Long.MAX_VALUE}, {5000000000L, -3}};
            for (long[] p : cases) {
                equal("opLong(" + p[0] + ", " + p[1] + ")", new Tester.OpLongResult(p[0], p[0] ^ p[1]),
                        prx.opLong(p[0], p[1]));
            }
        });
        run.check(c("opFloat"), () -> {
            float[][] cases = {{1.5f, -2.25f}, {3.0e38f, -1.0e-38f}, {0.1f, 1234567.875f}};
            for (float[] p : cases) {
                equal("opFloat(" + p[0] + ", " + p[1] + ")", new Tester.OpFloatResult(p[1], p[0]),
                        prx.opFloat(p[0], p[1]));
            }
        });
        run.check(c("opDouble"), () -> {
            double[][] cases = {{Math.PI, -1e300}, {Double.MIN_VALUE, 1.0 / 3.0}, {-0.5, Math.pow(2, 60)}};
            for (double[] p : cases) {
                equal("opDouble(" + p[0] + ", " + p[1] + ")", new Tester.OpDoubleResult(p[1], p[0]),
                        prx.opDouble(p[0], p[1]));
            }
        });
        run.check(c("opString"), () -> {
            String[][] cases = {{"hello", " world"}, {"", ""},
                    {"h\u00e9llo w\u00f6rld ", "\u65e5\u672c\u8a9e \u0416\u0437"}, {"x".repeat(300), "tail"}};
            for (String[] p : cases) {
                equal("opString(" + Show.show(p[0], 30) + ", " + Show.show(p[1], 30) + ")",
                        new Tester.OpStringResult(p[0] + p[1], p[0]), prx.opString(p[0], p[1]));
            }
        });
    }

    private void structsAndEnums() {
        run.check(c("opMixed"), () -> {
            for (int seed = 0; seed < 3; seed++) {
                Mixed m = Fixtures.sampleMixed(seed);
                equal("opMixed(seed " + seed + ")", new Tester.OpMixedResult(m, Fixtures.transformedMixed(m)),
                        prx.opMixed(m));
            }
        });
        run.check(c("opColor"), () -> {
            for (var col : COLORS) {
                equal("opColor(" + col + ")", new Tester.OpColorResult(col, Fixtures.nextColor(col)),
                        prx.opColor(col));
            }
        });
        run.check(c("opLevel"), () -> {
            for (var lv : LEVELS) {
                equal("opLevel(" + lv + ")", new Tester.OpLevelResult(lv, Fixtures.nextLevel(lv)),
                        prx.opLevel(lv));
            }
        });
    }

    private void sequences() {
        run.check(c("opBoolSeq"), () -> {
            boolean[] p1 = {true, false, false};
            boolean[] p2 = {true};
            equal("opBoolSeq(p1, p2)", new Tester.OpBoolSeqResult(new boolean[] {true, false, false, true},
                    new boolean[] {false, false, true}), prx.opBoolSeq(p1, p2));
            equal("opBoolSeq(empty, p2)", new Tester.OpBoolSeqResult(p2, new boolean[0]),
                    prx.opBoolSeq(new boolean[0], p2));
        });
        run.check(c("opByteSeq"), () -> {
            byte[] p1 = {0, 1, 0x7F, (byte) 0x80, (byte) 0xFF};
            byte[] p2 = {9, 8};
            equal("opByteSeq(p1, p2)", new Tester.OpByteSeqResult(
                    new byte[] {0, 1, 0x7F, (byte) 0x80, (byte) 0xFF, 9, 8},
                    new byte[] {(byte) 0xFF, (byte) 0x80, 0x7F, 1, 0}), prx.opByteSeq(p1, p2));
            equal("opByteSeq(empty, p2)", new Tester.OpByteSeqResult(p2, new byte[0]),
                    prx.opByteSeq(new byte[0], p2));
        });
        run.check(c("opShortSeq"), () -> {
            short[] p2 = {7};
            equal("opShortSeq(p1, p2)", new Tester.OpShortSeqResult(new short[] {1, -2, 32767, -32768, 7},
                    new short[] {-32768, 32767, -2, 1}), prx.opShortSeq(new short[] {1, -2, 32767, -32768}, p2));
            equal("opShortSeq(empty, p2)", new Tester.OpShortSeqResult(p2, new short[0]),
                    prx.opShortSeq(new short[0], p2));
        });
        run.check(c("opIntSeq"), () -> {
            int[] p2 = {42, 43};
            equal("opIntSeq(p1, p2)", new Tester.OpIntSeqResult(
                    new int[] {1, -2, Integer.MAX_VALUE, Integer.MIN_VALUE, 42, 43},
                    new int[] {Integer.MIN_VALUE, Integer.MAX_VALUE, -2, 1}),
                    prx.opIntSeq(new int[] {1, -2, Integer.MAX_VALUE, Integer.MIN_VALUE}, p2));
            equal("opIntSeq(empty, p2)", new Tester.OpIntSeqResult(p2, new int[0]), prx.opIntSeq(new int[0], p2));
        });
        run.check(c("opLongSeq"), () -> {
            long[] p2 = {1_000_000_000_000L};
            equal("opLongSeq(p1, p2)", new Tester.OpLongSeqResult(
                    new long[] {1, -2, Long.MAX_VALUE, Long.MIN_VALUE, 1_000_000_000_000L},
                    new long[] {Long.MIN_VALUE, Long.MAX_VALUE, -2, 1}),
                    prx.opLongSeq(new long[] {1, -2, Long.MAX_VALUE, Long.MIN_VALUE}, p2));
            equal("opLongSeq(empty, p2)", new Tester.OpLongSeqResult(p2, new long[0]), prx.opLongSeq(new long[0], p2));
        });
        run.check(c("opFloatSeq"), () -> {
            float[] p2 = {0.1f};
            equal("opFloatSeq(p1, p2)", new Tester.OpFloatSeqResult(new float[] {1.5f, -0.25f, 3.0e38f, 0.1f},
                    new float[] {3.0e38f, -0.25f, 1.5f}), prx.opFloatSeq(new float[] {1.5f, -0.25f, 3.0e38f}, p2));
            equal("opFloatSeq(empty, p2)", new Tester.OpFloatSeqResult(p2, new float[0]),
                    prx.opFloatSeq(new float[0], p2));
        });
        run.check(c("opDoubleSeq"), () -> {
            double[] p2 = {Math.E};
            equal("opDoubleSeq(p1, p2)", new Tester.OpDoubleSeqResult(
                    new double[] {1.5, -0.25, 1e300, Double.MIN_VALUE, Math.E},
                    new double[] {Double.MIN_VALUE, 1e300, -0.25, 1.5}),
                    prx.opDoubleSeq(new double[] {1.5, -0.25, 1e300, Double.MIN_VALUE}, p2));
            equal("opDoubleSeq(empty, p2)", new Tester.OpDoubleSeqResult(p2, new double[0]),
                    prx.opDoubleSeq(new double[0], p2));
        });
        run.check(c("opStringSeq"), () -> {
            String[] p2 = {"z"};
            equal("opStringSeq(p1, p2)", new Tester.OpStringSeqResult(
                    new String[] {"a", "", "\u00fcber", "\u4e2d\u6587", "z"},
                    new String[] {"\u4e2d\u6587", "\u00fcber", "", "a"}),
                    prx.opStringSeq(new String[] {"a", "", "\u00fcber", "\u4e2d\u6587"}, p2));
            equal("opStringSeq(empty, p2)", new Tester.OpStringSeqResult(p2, new String[0]),
                    prx.opStringSeq(new String[0], p2));
        });
        run.check(c("opLevelSeq"), () -> equal("opLevelSeq",
                new Level[] {Level.High, Level.Medium, Level.High, Level.Low},
                prx.opLevelSeq(new Level[] {Level.Low, Level.High, Level.Medium, Level.High})));
        run.check(c("opPointSeq"), () -> {
            Point[] p1 = {new Point(1, 2), new Point(-3, 4), new Point(0, 0)};
            equal("opPointSeq", new Tester.OpPointSeqResult(
                    new Point[] {new Point(0, 0), new Point(-3, 4), new Point(1, 2)},
                    new Point[] {new Point(2, 1), new Point(4, -3), new Point(0, 0)}), prx.opPointSeq(p1));
        });
        run.check(c("opMixedSeq"), () -> {
            Mixed[] p1 = new Mixed[4];
            Mixed[] reversed = new Mixed[4];
            for (int i = 0; i < 4; i++) {
                p1[i] = Fixtures.sampleMixed(i);
                reversed[3 - i] = Fixtures.sampleMixed(i);
            }
            equal("opMixedSeq", reversed, prx.opMixedSeq(p1));
        });
        run.check(c("opIntSeqSeq"), () -> {
            int[][] p1 = {{1, 2, 3}, {}, {4}, {5, 6}};
            equal("opIntSeqSeq", new Tester.OpIntSeqSeqResult(new int[][] {{5, 6}, {4}, {}, {1, 2, 3}},
                    new int[][] {{3, 2, 1}, {}, {4}, {6, 5}}), prx.opIntSeqSeq(p1));
        });
        run.check(c("opStringSeqSeq"), () -> equal("opStringSeqSeq",
                new String[][] {{"\u00e7a", ""}, {}, {"a", "b"}},
                prx.opStringSeqSeq(new String[][] {{"a", "b"}, {}, {"\u00e7a", ""}})));
    }

    private void dictionaries() {
        run.check(c("opStringIntDict"), () -> {
            Map<String, Integer> p1 = new LinkedHashMap<>();
            p1.put("one", 1);
            p1.put("two", 2);
            p1.put("min", Integer.MIN_VALUE);
            p1.put("\u00e9", 5);
            Map<String, Integer> p2 = Map.of("two", 22, "three", 3);
            Map<String, Integer> union = new LinkedHashMap<>(p1);
            union.putAll(p2);
            Map<String, Integer> negated = Map.of("one", -1, "two", -2, "min", Integer.MIN_VALUE, "\u00e9", -5);
            equal("opStringIntDict", new Tester.OpStringIntDictResult(union, negated), prx.opStringIntDict(p1, p2));
            equal("opStringIntDict(empty, empty)", new Tester.OpStringIntDictResult(Map.of(), Map.of()),
                    prx.opStringIntDict(Map.of(), Map.of()));
        });
        run.check(c("opPointStringDict"), () -> {
            Map<Point, String> p1 = new LinkedHashMap<>();
            p1.put(new Point(2, 1), "c");
            p1.put(new Point(1, 5), "b");
            p1.put(new Point(1, -5), "a");
            p1.put(new Point(-7, 0), "first");
            equal("opPointStringDict", new Tester.OpPointStringDictResult(p1,
                    new String[] {"first", "a", "b", "c"}), prx.opPointStringDict(p1));
        });
        run.check(c("opStringIntSeqDict"), () -> {
            Map<String, int[]> p1 = new LinkedHashMap<>();
            p1.put("a", new int[] {1, 2, 3});
            p1.put("b", new int[0]);
            p1.put("c", new int[] {9});
            equal("opStringIntSeqDict", Map.of("a", new int[] {3, 2, 1}, "b", new int[0], "c", new int[] {9}),
                    prx.opStringIntSeqDict(p1));
        });
    }
}
