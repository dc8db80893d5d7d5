package io.floe.internal.invoke;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The twoway requests of one connection that wait for replies, by request id. Ids count from 1
 * and wrap back to 1, never 0 (ice-protocol.md §2.8).
 */
public final class PendingRequests {
    private final AtomicInteger lastId = new AtomicInteger();
    private volatile boolean wrapped; // ids went past Integer.MAX_VALUE and back to 1
    private final Map<Integer, OutgoingCall<?>> calls = new ConcurrentHashMap<>();
    // Close(GracefullyWithWait) waits here; empty on the hot path, so remove() only peeks.
    private final Queue<CompletableFuture<Void>> drained = new ConcurrentLinkedQueue<>();

    /** Registers {@code call} under a fresh id, which it returns. */
    public int register(OutgoingCall<?> call) {
        int previous = lastId.getAndUpdate(i -> i == Integer.MAX_VALUE ? 1 : i + 1);
        int id = previous == Integer.MAX_VALUE ? 1 : previous + 1;
        if (id == 1 && previous != 0) {
            wrapped = true;
        }
        calls.put(id, call);
        return id;
    }

    /**
     * Whether {@code id} was ever given to a call here: a reply for such an id with no call is
     * late (its call timed out or was abandoned); one for any other id is the peer's mistake.
     */
    public boolean wasIssued(int id) {
        return id > 0 && (wrapped || id <= lastId.get());
    }

    /** The call waiting for {@code id}, removed; null for an unknown or forgotten id. */
    public OutgoingCall<?> remove(int id) {
        OutgoingCall<?> call = calls.remove(id);
        if (call != null && !drained.isEmpty()) {
            signalIfEmpty();
        }
        return call;
    }

    public int size() {
        return calls.size();
    }

    /** Removes every call and fails it with {@code error}. */
    public void failAll(Throwable error) {
        removeAll().forEach(call -> call.fail(error));
    }

    /** Removes every call and returns them, so the caller can fail them elsewhere. */
    public List<OutgoingCall<?>> removeAll() {
        List<OutgoingCall<?>> removed = new ArrayList<>();
        for (Integer id : List.copyOf(calls.keySet())) {
            OutgoingCall<?> call = calls.remove(id);
            if (call != null) {
                removed.add(call);
            }
        }
        signalIfEmpty();
        return removed;
    }

    /** Completes once no call waits (at once if none does); completed on the thread that removed the last one. */
    public CompletableFuture<Void> whenEmpty() {
        CompletableFuture<Void> empty = new CompletableFuture<>();
        drained.add(empty);
        signalIfEmpty(); // the last call may have gone before the future was queued
        return empty;
    }

    private void signalIfEmpty() {
        if (!calls.isEmpty()) {
            return;
        }
        CompletableFuture<Void> waiting;
        while ((waiting = drained.poll()) != null) {
            waiting.complete(null);
        }
    }
}
