package io.floe;

/**
 * The order in which a proxy tries its endpoints when it needs a new connection
 * ({@code Ice.Default.EndpointSelection}, default {@code Random}).
 */
public enum EndpointSelectionType {
    /** A new random order for every connection attempt: spreads clients over replicas. */
    RANDOM,
    /** The order of the proxy's endpoints: the first reachable one wins. */
    ORDERED;

    /** Parses Ice's property value, {@code Random} or {@code Ordered}. */
    public static EndpointSelectionType parse(String value) {
        return switch (value.trim()) {
            case "Random" -> RANDOM;
            case "Ordered" -> ORDERED;
            default -> throw new InitializationException("Ice.Default.EndpointSelection: '" + value
                    + "' (expected: Random or Ordered)");
        };
    }
}
