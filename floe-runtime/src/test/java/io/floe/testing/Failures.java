package io.floe.testing;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** What a call failed with, waited for at most ten seconds. */
public final class Failures {
    private Failures() {
    }

    public static Throwable failureOf(CompletableFuture<?> call) {
        try {
            call.get(10, TimeUnit.SECONDS);
            throw new AssertionError("the call succeeded");
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
