package io.floe.slice.check;

/** The builtin types; {@link #OBJECT_PROXY} is {@code Object*}. */
public enum Builtin implements Type {
    BOOL("bool"), BYTE("byte"), SHORT("short"), INT("int"), LONG("long"), FLOAT("float"),
    DOUBLE("double"), STRING("string"), OBJECT("Object"), OBJECT_PROXY("Object*"), VALUE("Value"),
    LOCAL_OBJECT("LocalObject");

    private final String sliceName;

    Builtin(String sliceName) {
        this.sliceName = sliceName;
    }

    @Override
    public String sliceName() {
        return sliceName;
    }

    /** The builtin written {@code name} (with {@code *} when proxy), or null. */
    public static Builtin of(String name, boolean proxy) {
        if (proxy) {
            return name.equals("Object") ? OBJECT_PROXY : null;
        }
        for (Builtin builtin : values()) {
            if (builtin != OBJECT_PROXY && builtin.sliceName.equals(name)) {
                return builtin;
            }
        }
        return null;
    }

    public boolean isIntegral() {
        return this == BYTE || this == SHORT || this == INT || this == LONG;
    }

    /** A type held by value in Java: primitives. */
    public boolean isPrimitive() {
        return ordinal() <= DOUBLE.ordinal();
    }

    /** Instances of classes (Object, Value): not supported by the generator yet. */
    public boolean isClass() {
        return this == OBJECT || this == VALUE;
    }
}
