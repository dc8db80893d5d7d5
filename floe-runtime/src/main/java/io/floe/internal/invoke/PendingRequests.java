package io.floe.internal.invoke;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The twoway requests of one connection that wait for replies, by request id. Ids count from 1
 * and wrap back to 1, never 0 (ice-protocol.md §2.8).
 */
public final class PendingRequests {
    private final AtomicInteger lastId = new AtomicInteger();
    private final Map<Integer, OutgoingCall<?>> calls = new ConcurrentHashMap<>();

    /** Registers {@code call} under a fresh id, which it returns. */
    public int register(OutgoingCall<?> call) {
        int id = lastId.updateAndGet(i -> i == Integer.MAX_VALUE ? 1 : i + 1);
        calls.put(id, call);
        return id;
    }

    /** The call waiting for {@code id}, removed; null for an unknown or forgotten id. */
    public OutgoingCall<?> remove(int id) {
        return calls.remove(id);
    }

    public int size() {
        return calls.size();
    }

    /** Removes every call and fails it with {@code error}. */
    public void failAll(Throwable error) {
        List<OutgoingCall<?>> failed = new ArrayList<>();
        for (Integer id : List.copyOf(calls.keySet())) {
            OutgoingCall<?> call = calls.remove(id);
            if (call != null) {
                failed.add(call);
            }
        }
        failed.forEach(call -> call.fail(error));
    }
}
