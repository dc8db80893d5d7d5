package io.floe.internal.invoke;

import io.netty.util.collection.IntObjectHashMap;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;

/**
 * The twoway requests of one connection that wait for replies, by request id. Ids count from 1
 * and wrap back to 1, never 0 (ice-protocol.md §2.8). Confined to the connection's event loop:
 * every method runs there, so the table is a plain map keyed by the primitive id.
 */
public final class PendingRequests {
    private int lastId;
    private boolean wrapped; // ids went past Integer.MAX_VALUE and back to 1
    private final IntObjectHashMap<OutgoingCall<?>> calls = new IntObjectHashMap<>();
    // Close(GracefullyWithWait) waits here; made when first needed, so remove() only checks for null.
    private Queue<CompletableFuture<Void>> drained;

    /** Registers {@code call} under a fresh id, which it returns. */
    public int register(OutgoingCall<?> call) {
        if (lastId == Integer.MAX_VALUE) {
            lastId = 1;
            wrapped = true;
        } else {
            lastId++;
        }
        calls.put(lastId, call);
        return lastId;
    }

    /**
     * Whether {@code id} was ever given to a call here: a reply for such an id with no call is
     * late (its call timed out or was abandoned); one for any other id is the peer's mistake.
     */
    public boolean wasIssued(int id) {
        return id > 0 && (wrapped || id <= lastId);
    }

    /** The call waiting for {@code id}, removed; null for an unknown or forgotten id. */
    public OutgoingCall<?> remove(int id) {
        OutgoingCall<?> call = calls.remove(id);
        if (call != null && drained != null) {
            signalIfEmpty();
        }
        return call;
    }

    public int size() {
        return calls.size();
    }

    /** Removes every call and returns them, so the caller can fail them elsewhere. */
    public List<OutgoingCall<?>> removeAll() {
        List<OutgoingCall<?>> removed = new ArrayList<>(calls.values());
        calls.clear();
        signalIfEmpty();
        return removed;
    }

    /** Completes once no call waits (at once if none does), on the loop that removed the last one. */
    public CompletableFuture<Void> whenEmpty() {
        CompletableFuture<Void> empty = new CompletableFuture<>();
        if (drained == null) {
            drained = new ArrayDeque<>();
        }
        drained.add(empty);
        signalIfEmpty();
        return empty;
    }

    private void signalIfEmpty() {
        if (!calls.isEmpty() || drained == null) {
            return;
        }
        CompletableFuture<Void> waiting;
        while ((waiting = drained.poll()) != null) {
            waiting.complete(null);
        }
    }
}
