package io.floe;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Ice-style configuration: names such as {@code Ice.ThreadPool.Server.Size} with string values.
 * Command-line arguments of the form {@code --Name=value} set properties, as in Ice programs.
 * Thread-safe.
 */
public final class Properties {
    private final Map<String, String> values = new ConcurrentHashMap<>();
    private final List<String> unparsed;

    public Properties() {
        this.unparsed = List.of();
    }

    private Properties(List<String> unparsed) {
        this.unparsed = List.copyOf(unparsed);
    }

    /**
     * Takes every {@code --Name=value} argument as a property ({@code --Name} alone sets "1");
     * the others are kept, in order, in {@link #unparsedArguments()}.
     */
    public static Properties fromArgs(String... args) {
        List<String> rest = new ArrayList<>();
        Map<String, String> parsed = new TreeMap<>();
        for (String arg : args) {
            if (arg.startsWith("--") && arg.length() > 2 && Character.isLetter(arg.charAt(2))) {
                int eq = arg.indexOf('=');
                if (eq < 0) {
                    parsed.put(arg.substring(2), "1");
                } else {
                    parsed.put(arg.substring(2, eq), arg.substring(eq + 1));
                }
            } else {
                rest.add(arg);
            }
        }
        Properties properties = new Properties(rest);
        properties.values.putAll(parsed);
        return properties;
    }

    /** The arguments {@link #fromArgs} did not take as properties. */
    public List<String> unparsedArguments() {
        return unparsed;
    }

    public Properties set(String name, String value) {
        if (value == null || value.isEmpty()) {
            values.remove(name);
        } else {
            values.put(name, value);
        }
        return this;
    }

    /** The value, or "" when unset. */
    public String get(String name) {
        return values.getOrDefault(name, "");
    }

    public String get(String name, String defaultValue) {
        return values.getOrDefault(name, defaultValue);
    }

    public int getInt(String name, int defaultValue) {
        String value = values.get(name);
        if (value == null) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new InitializationException(
                    "property " + name + ": '" + value + "' (expected: an integer)", e);
        }
    }

    public boolean isSet(String name) {
        return values.containsKey(name);
    }

    /** Every property whose name starts with {@code prefix}, sorted by name. */
    public Map<String, String> withPrefix(String prefix) {
        Map<String, String> result = new TreeMap<>();
        values.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                result.put(k, v);
            }
        });
        return Collections.unmodifiableMap(result);
    }

    public Properties copy() {
        Properties copy = new Properties(unparsed);
        copy.values.putAll(values);
        return copy;
    }
}
