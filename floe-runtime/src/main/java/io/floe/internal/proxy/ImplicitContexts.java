package io.floe.internal.proxy;

import static java.util.Objects.requireNonNull;

import io.floe.ImplicitContext;
import io.floe.InitializationException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The two kinds of {@code Ice.ImplicitContext}, and how its entries join a request's context
 * (Ice's {@code ImplicitContextI.write}): the implicit entries first, the proxy's or the call's
 * context over them.
 */
abstract sealed class ImplicitContexts implements ImplicitContext {
    /** Null for {@code None} (the default). */
    static ImplicitContexts create(String kind) {
        return switch (kind.trim()) {
            case "", "None" -> null;
            case "Shared" -> new Shared();
            case "PerThread" -> new PerThread();
            default -> throw new InitializationException("Ice.ImplicitContext: '" + kind
                    + "' (expected: None, Shared or PerThread)");
        };
    }

    /** The context to send: {@code requestContext} (the call's or else the proxy's) over the implicit one. */
    Map<String, String> combine(Map<String, String> requestContext) {
        Map<String, String> implicit = entries();
        if (implicit.isEmpty()) {
            return requestContext;
        }
        Map<String, String> combined = new HashMap<>(implicit);
        combined.putAll(requestContext);
        return combined;
    }

    /** The live map of the caller (the shared one, or the calling thread's). */
    abstract Map<String, String> entries();

    @Override
    public Map<String, String> getContext() {
        return Map.copyOf(entries());
    }

    @Override
    public void setContext(Map<String, String> context) {
        Map<String, String> entries = entries();
        entries.clear();
        context.forEach((k, v) -> entries.put(requireNonNull(k, "key"), v == null ? "" : v));
    }

    @Override
    public boolean containsKey(String key) {
        return entries().containsKey(requireNonNull(key, "key"));
    }

    @Override
    public String get(String key) {
        return entries().getOrDefault(requireNonNull(key, "key"), "");
    }

    @Override
    public String put(String key, String value) {
        String old = entries().put(requireNonNull(key, "key"), value == null ? "" : value);
        return old == null ? "" : old;
    }

    @Override
    public String remove(String key) {
        String old = entries().remove(requireNonNull(key, "key"));
        return old == null ? "" : old;
    }

    private static final class Shared extends ImplicitContexts {
        private final Map<String, String> entries = new ConcurrentHashMap<>();

        @Override
        Map<String, String> entries() {
            return entries;
        }
    }

    private static final class PerThread extends ImplicitContexts {
        // Per communicator, not static: two communicators' implicit contexts are independent.
        private final ThreadLocal<Map<String, String>> entries = ThreadLocal.withInitial(HashMap::new);

        @Override
        Map<String, String> entries() {
            return entries.get();
        }
    }
}
