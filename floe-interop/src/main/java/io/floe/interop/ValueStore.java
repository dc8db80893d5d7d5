package io.floe.interop;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/** The in-memory store behind addValue and getValues, shared by both servants. Thread-safe. */
final class ValueStore {
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, List<Integer>> values = new HashMap<>();

    void add(String key, int value) {
        lock.lock();
        try {
            values.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        } finally {
            lock.unlock();
        }
    }

    /** The values recorded under key, in the order they were added; empty when none. */
    int[] get(String key) {
        lock.lock();
        try {
            return values.getOrDefault(key, List.of()).stream().mapToInt(Integer::intValue).toArray();
        } finally {
            lock.unlock();
        }
    }
}
