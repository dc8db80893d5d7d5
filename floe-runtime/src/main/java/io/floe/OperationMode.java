package io.floe;

/** The mode byte of a request (ice-protocol.md §4.3). */
public enum OperationMode {
    NORMAL(0, "::Ice::Normal"),
    NONMUTATING(1, "::Ice::Nonmutating"),
    IDEMPOTENT(2, "::Ice::Idempotent");

    private final int value;
    private final String sliceName;

    OperationMode(int value, String sliceName) {
        this.value = value;
        this.sliceName = sliceName;
    }

    public int value() {
        return value;
    }

    public String sliceName() {
        return sliceName;
    }

    /** Rejects bytes above 2, as Ice for Java does. */
    public static OperationMode fromValue(int value) {
        return switch (value) {
            case 0 -> NORMAL;
            case 1 -> NONMUTATING;
            case 2 -> IDEMPOTENT;
            default -> throw new MarshalException("operation mode: " + value + " (expected: 0, 1 or 2)");
        };
    }

    /** An operation declared idempotent also accepts Nonmutating; any other must match exactly. */
    public boolean accepts(OperationMode received) {
        return received == this || (this == IDEMPOTENT && received == NONMUTATING);
    }
}
