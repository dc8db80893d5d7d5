package io.floe.interop.client;

/** The assertions of the checks; each failure is a {@link CheckFailed} saying what and how. */
final class Expect {
    private Expect() {
    }

    /** A call that may raise anything; the checks let it propagate to the runner. */
    @FunctionalInterface
    interface Call {
        void run() throws Exception;
    }

    /** Deep equality as {@link Same} says: "what: expected X, got Y" otherwise. */
    static void equal(String what, Object expected, Object actual) {
        if (!Same.same(expected, actual)) {
            throw new CheckFailed(what + ": expected " + Show.show(expected) + ", got " + Show.show(actual));
        }
    }

    static void isTrue(boolean condition, String what) {
        if (!condition) {
            throw new CheckFailed(what);
        }
    }

    /** Runs {@code call} and returns what it raised, which must be a {@code type}. */
    static <E extends Exception> E raises(Class<E> type, String what, Call call) {
        try {
            call.run();
        } catch (Exception e) {
            if (type.isInstance(e)) {
                return type.cast(e);
            }
            throw new CheckFailed(what + ": expected " + type.getSimpleName() + ", got "
                    + e.getClass().getSimpleName() + ": " + Show.show(e.getMessage(), 200));
        }
        throw new CheckFailed(what + ": expected " + type.getSimpleName() + ", but it returned normally");
    }
}
