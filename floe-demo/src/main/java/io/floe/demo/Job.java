package io.floe.demo;

import static java.util.Objects.requireNonNull;

import java.util.function.Consumer;

/**
 * One queued request: the work that computes and answers it, and how to answer it with an
 * error instead. For {@code interpolate}, the work completes the AMD callback with the grid or
 * RangeError, and {@code failure} is the callback's {@code ice_exception}.
 */
public record Job(Work work, Consumer<? super Exception> failure) {
    public Job {
        requireNonNull(work, "work");
        requireNonNull(failure, "failure");
    }

    /** Computes and answers; what it throws is answered through {@link #failure}. */
    @FunctionalInterface
    public interface Work {
        void run() throws Exception;
    }
}
