package io.floe;

import java.util.Map;

/**
 * A request context sent with every request of a communicator's proxies
 * ({@code Ice.ImplicitContext=Shared} or {@code PerThread}; {@code None}, the default, has
 * none), merged under the proxy's context, which wins on a key clash. A call given an explicit
 * context sends that context alone, as Ice 3.7 does. Thread-safe; with
 * {@code PerThread}, each thread sees and sends its own entries. Absent values read as "", as
 * in Ice.
 */
public interface ImplicitContext {
    /** A copy of the entries. */
    Map<String, String> getContext();

    /** Replaces every entry. */
    void setContext(Map<String, String> context);

    boolean containsKey(String key);

    /** The value, or "" when absent. */
    String get(String key);

    /** Sets the value (null means ""), returning the previous one or "". */
    String put(String key, String value);

    /** Removes the entry, returning its value or "". */
    String remove(String key);
}
