package io.floe.interop.client;

import io.floe.LocalException;
import io.floe.UserException;
import java.io.PrintStream;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs named checks and reports each on one line, as client.py does: {@code ok   <name>},
 * {@code FAIL <name>: <expected and got>}, or {@code skip <name>: <why>} for a check this Floe
 * cannot run yet (counted apart: never as passed). Thread-safe.
 */
final class CheckRunner {
    /** One check's body. */
    @FunctionalInterface
    interface Body {
        void run() throws Exception;
    }

    private final PrintStream out;
    private final String only;
    private final ReentrantLock lock = new ReentrantLock();
    private int passed;
    private int failed;
    private int skipped;

    /** {@code only}: run just the checks whose name contains it (null: all). */
    CheckRunner(PrintStream out, String only) {
        this.out = out;
        this.only = only;
    }

    void check(String name, Body body) {
        if (only != null && !name.contains(only)) {
            return;
        }
        try {
            body.run();
            report("ok   " + name, Outcome.PASSED);
        } catch (Skipped e) {
            report("skip " + name + ": " + e.getMessage(), Outcome.SKIPPED);
        } catch (CheckFailed e) {
            report("FAIL " + name + ": " + e.getMessage(), Outcome.FAILED);
        } catch (UserException e) {
            report("FAIL " + name + ": unexpected " + e.ice_id() + ": " + Show.show(e.getMessage(), 300),
                    Outcome.FAILED);
        } catch (LocalException e) {
            report("FAIL " + name + ": unexpected " + e.ice_id() + ": " + Show.show(e.getMessage(), 300),
                    Outcome.FAILED);
        } catch (Exception | AssertionError e) {
            StackTraceElement[] trace = e.getStackTrace();
            String where = trace.length == 0 ? "?" : trace[0].getFileName() + ":" + trace[0].getLineNumber();
            report("FAIL " + name + ": " + e.getClass().getSimpleName() + ": "
                    + Show.show(String.valueOf(e.getMessage()), 300) + " (at " + where + ")", Outcome.FAILED);
        }
    }

    /** A failure found outside a check (the watchdog, the first connection). */
    void fail(String name, String detail) {
        report("FAIL " + name + ": " + detail, Outcome.FAILED);
    }

    int passed() {
        return count(Outcome.PASSED);
    }

    int failed() {
        return count(Outcome.FAILED);
    }

    int skipped() {
        return count(Outcome.SKIPPED);
    }

    /** The last line: exactly {@code N passed, M failed}. */
    String summary() {
        lock.lock();
        try {
            return passed + " passed, " + failed + " failed";
        } finally {
            lock.unlock();
        }
    }

    private enum Outcome { PASSED, FAILED, SKIPPED }

    private void report(String line, Outcome outcome) {
        lock.lock();
        try {
            switch (outcome) {
                case PASSED -> passed++;
                case FAILED -> failed++;
                case SKIPPED -> skipped++;
            }
            out.println(line);
            out.flush();
        } finally {
            lock.unlock();
        }
    }

    private int count(Outcome outcome) {
        lock.lock();
        try {
            return switch (outcome) {
                case PASSED -> passed;
                case FAILED -> failed;
                case SKIPPED -> skipped;
            };
        } finally {
            lock.unlock();
        }
    }
}
