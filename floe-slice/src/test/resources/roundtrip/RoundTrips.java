package roundtrip;

import io.floe.EncodingVersion;
import io.floe.MarshalException;
import io.floe.UserException;
import io.floe.encoding.FormatType;
import io.floe.encoding.InputStream;
import io.floe.encoding.OutputStream;
import io.floe.encoding.UserExceptionFactory;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Function;
import test.floe.Everything.*;

/**
 * Compiled with the Java generated from Everything.ice and run by RoundTripTest: writes values
 * with the generated code and reads them back. Returns the failures, empty when all is well.
 */
public final class RoundTrips implements Callable<List<String>> {
    private final List<String> failures = new ArrayList<>();

    @Override
    public List<String> call() {
        structsAndEnums();
        sequences();
        dictionaries();
        exceptions();
        wireBytes();
        return failures;
    }

    private void structsAndEnums() {
        Point p = new Point(3, -4);
        same("Point", p, roundTrip(p::ice_write, Point::ice_read));
        Mixed m = new Mixed(true, (byte) -1, (short) 300, -5, Long.MIN_VALUE, Float.NaN, -0.0,
                "h\u00e9llo \uD83D\uDE00\u0000", Color.Blue, Level.High, p, new Shared.Tag("t"));
        same("Mixed", m, roundTrip(m::ice_write, Mixed::ice_read));
        Mixed defaults = new Mixed();
        same("Mixed defaults", defaults, roundTrip(defaults::ice_write, Mixed::ice_read));
        check("Mixed defaults are Ice's", defaults.s.equals("") && defaults.c == Color.Red
                && defaults.lv == Level.Low && defaults.pt.equals(new Point()) && defaults.tag != null);
        Defaults d = new Defaults();
        check("declared defaults", d.answer == 42 && d.greeting.equals("hello\tworld")
                && d.level == Level.High && d.ratio == 0.5 && d.flag && d.octet == (byte) 200);
        same("Defaults", d, roundTrip(d::ice_write, Defaults::ice_read));
        for (Level level : Level.values()) {
            same("Level " + level, level, roundTrip(level::ice_write, Level::ice_read));
        }
        check("enum values", Level.High.value() == 300 && Level.valueOf(10) == Level.Medium);
        try {
            Level.valueOf(2);
            failures.add("Level.valueOf(2) did not throw");
        } catch (MarshalException expected) {
            check("MarshalException message", expected.getMessage().contains("2"));
        }
        test.floe.Everything.Nested.Wrapper w = new test.floe.Everything.Nested.Wrapper(p, Level.Medium);
        same("Wrapper", w, roundTrip(w::ice_write, test.floe.Everything.Nested.Wrapper::ice_read));
        check("constants", Answer.value == 42 && Big.value == Long.MAX_VALUE
                && Greeting.value.equals("\"hi\"\n\u00e9") && Yes.value && Half.value == 0.5f
                && Avogadro.value == 6.02214076e23 && DefaultLevel.value == Level.Medium
                && Octet.value == (byte) 255 && Small.value == -7);
    }

    private void sequences() {
        int[] ints = {1, -2, Integer.MAX_VALUE};
        sameArray("IntSeq", ints, roundTrip(o -> IntSeqHelper.write(o, ints), IntSeqHelper::read));
        String[] strings = {"a", "", "\u00e9"};
        sameArray("StringSeq", strings, roundTrip(o -> StringSeqHelper.write(o, strings), StringSeqHelper::read));
        Point[] points = {new Point(1, 2), new Point(3, 4)};
        sameArray("PointSeq", points, roundTrip(o -> PointSeqHelper.write(o, points), PointSeqHelper::read));
        int[][] grid = {{1, 2}, {}, {3}};
        sameArray("IntSeqSeq", grid, roundTrip(o -> IntSeqSeqHelper.write(o, grid), IntSeqSeqHelper::read));
        Point[][] pgrid = {{new Point(1, 1)}, {}};
        sameArray("PointSeqSeq", pgrid, roundTrip(o -> PointSeqSeqHelper.write(o, pgrid), PointSeqSeqHelper::read));
        Level[] levels = {Level.High, Level.Low};
        sameArray("LevelSeq", levels, roundTrip(o -> LevelSeqHelper.write(o, levels), LevelSeqHelper::read));
        Mixed[] mixed = {new Mixed(), new Mixed()};
        sameArray("MixedSeq", mixed, roundTrip(o -> MixedSeqHelper.write(o, mixed), MixedSeqHelper::read));
        sameArray("null IntSeq is empty", new int[0], roundTrip(o -> IntSeqHelper.write(o, null), IntSeqHelper::read));
        sameArray("null PointSeq is empty", new Point[0],
                roundTrip(o -> PointSeqHelper.write(o, null), PointSeqHelper::read));
        Holder h = new Holder(ints, grid, points, Map.of("k", 1), new Shared.Tag[] {new Shared.Tag("x")});
        same("Holder", h, roundTrip(h::ice_write, Holder::ice_read));
    }

    private void dictionaries() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("b", 2);
        counts.put("a", 1);
        Map<String, Integer> read = roundTrip(o -> StringIntDictHelper.write(o, counts), StringIntDictHelper::read);
        same("StringIntDict", counts, read);
        check("LinkedHashMap keeps wire order", read instanceof LinkedHashMap
                && read.keySet().iterator().next().equals("b"));
        Map<Point, String> byPoint = Map.of(new Point(1, 2), "a", new Point(2, 1), "b");
        same("PointStringDict", byPoint,
                roundTrip(o -> PointStringDictHelper.write(o, byPoint), PointStringDictHelper::read));
        Map<Level, int[]> byLevel = Map.of(Level.High, new int[] {1, 2});
        Map<Level, int[]> levelRead = roundTrip(o -> LevelIntSeqDictHelper.write(o, byLevel),
                LevelIntSeqDictHelper::read);
        check("LevelIntSeqDict", levelRead.size() == 1
                && java.util.Arrays.equals(levelRead.get(Level.High), new int[] {1, 2}));
        Map<String, Map<Point, String>> nested = Map.of("n", byPoint);
        same("NestedDict", nested, roundTrip(o -> NestedDictHelper.write(o, nested), NestedDictHelper::read));
        @SuppressWarnings({"unchecked", "rawtypes"})
        Map<String, Integer>[] dicts = new Map[] {counts, Map.of()};
        sameArray("DictSeq", dicts, roundTrip(o -> DictSeqHelper.write(o, dicts), DictSeqHelper::read));
        same("null dictionary is empty", Map.of(), roundTrip(o -> StringIntDictHelper.write(o, null),
                StringIntDictHelper::read));
    }

    private void exceptions() {
        LeafError leaf = new LeafError("why", 7, new Point(1, 2), new int[] {9});
        UserExceptionFactory all = id -> switch (id) {
            case "::Everything::BaseError" -> new BaseError();
            case "::Everything::DerivedError" -> new DerivedError();
            case "::Everything::LeafError" -> new LeafError();
            default -> null;
        };
        for (FormatType format : new FormatType[] {FormatType.COMPACT, FormatType.SLICED}) {
            UserException read = throwBack(leaf, format, all);
            check("LeafError " + format + " type", read instanceof LeafError);
            if (read instanceof LeafError l) {
                check("LeafError " + format + " members", l.reason.equals("why") && l.code == 7
                        && l.where.equals(new Point(1, 2)) && java.util.Arrays.equals(l.details, new int[] {9})
                        && l.ice_id().equals("::Everything::LeafError"));
            }
        }
        UserExceptionFactory baseOnly = id -> id.equals("::Everything::BaseError") ? new BaseError() : null;
        UserException sliced = throwBack(leaf, FormatType.SLICED, baseOnly);
        check("sliced LeafError read as BaseError", sliced != null && sliced.getClass() == BaseError.class
                && ((BaseError) sliced).reason.equals("why"));
        DerivedError withCause = new DerivedError("r", 1, new Point(), new IllegalStateException("c"));
        check("exception cause", withCause.getCause() instanceof IllegalStateException);
        check("exception defaults", new DerivedError().where != null && new BaseError().reason.equals(""));
    }

    private void wireBytes() {
        bytes("Point", "03000000fcffffff", new Point(3, -4)::ice_write);
        bytes("Level.High uses the 5-byte size", "ff2c010000", Level.High::ice_write);
        bytes("IntSeq", "020100000002000000", o -> IntSeqHelper.write(o, new int[] {1, 2}));
        bytes("StringIntDict", "01016105000000",
                o -> StringIntDictHelper.write(o, Map.of("a", 5)));
    }

    // ---- helpers

    private <T> T roundTrip(Consumer<OutputStream> write, Function<InputStream, T> read) {
        ByteBuf buf = Unpooled.buffer();
        try {
            write.accept(new OutputStream(buf));
            InputStream in = new InputStream(buf);
            T value = read.apply(in);
            if (in.remaining() != 0) {
                failures.add(in.remaining() + " bytes left after reading " + value);
            }
            return value;
        } finally {
            buf.release();
        }
    }

    private UserException throwBack(UserException ex, FormatType format, UserExceptionFactory factory) {
        ByteBuf buf = Unpooled.buffer();
        try {
            OutputStream out = new OutputStream(buf);
            out.startEncapsulation(EncodingVersion.V1_1, format);
            out.writeException(ex);
            out.endEncapsulation();
            InputStream in = new InputStream(buf);
            in.startEncapsulation();
            try {
                in.throwException(factory);
                failures.add(format + ": throwException returned");
                return null;
            } catch (UserException read) {
                in.endEncapsulation();
                return read;
            }
        } catch (RuntimeException e) {
            failures.add(format + " " + ex.ice_id() + ": " + e);
            return null;
        } finally {
            buf.release();
        }
    }

    private void bytes(String what, String hex, Consumer<OutputStream> write) {
        ByteBuf buf = Unpooled.buffer();
        try {
            write.accept(new OutputStream(buf));
            same(what + " bytes", hex, ByteBufUtil.hexDump(buf));
        } finally {
            buf.release();
        }
    }

    private void same(String what, Object expected, Object actual) {
        if (!Objects.equals(expected, actual)) {
            failures.add(what + ": expected " + expected + " but read " + actual);
        } else if (expected != null && expected.hashCode() != actual.hashCode()) {
            failures.add(what + ": equal values with different hash codes");
        }
    }

    private void sameArray(String what, Object[] expected, Object[] actual) {
        if (!java.util.Arrays.deepEquals(expected, actual)) {
            failures.add(what + ": expected " + java.util.Arrays.deepToString(expected) + " but read "
                    + java.util.Arrays.deepToString(actual));
        }
    }

    private void sameArray(String what, int[] expected, int[] actual) {
        if (!java.util.Arrays.equals(expected, actual)) {
            failures.add(what + ": expected " + java.util.Arrays.toString(expected) + " but read "
                    + java.util.Arrays.toString(actual));
        }
    }

    private void check(String what, boolean ok) {
        if (!ok) {
            failures.add(what);
        }
    }
}
