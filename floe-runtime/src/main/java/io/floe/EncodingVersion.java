package io.floe;

/** The version of an encapsulation's encoding (1.0 or 1.1); the message framing is always 1.0. */
public record EncodingVersion(int major, int minor) {
    public static final EncodingVersion V1_0 = new EncodingVersion(1, 0);
    public static final EncodingVersion V1_1 = new EncodingVersion(1, 1);

    public EncodingVersion {
        if (major < 0 || major > 255 || minor < 0 || minor > 255) {
            throw new IllegalArgumentException("encoding version: " + major + "." + minor + " (expected: bytes)");
        }
    }

    /** The shared constant for 1.0 and 1.1, a new value otherwise: decoding allocates nothing for them. */
    public static EncodingVersion of(int major, int minor) {
        if (major == 1 && minor == 1) {
            return V1_1;
        }
        if (major == 1 && minor == 0) {
            return V1_0;
        }
        return new EncodingVersion(major, minor);
    }

    /** What Floe reads and writes: major 1, minor up to 1. */
    public boolean isSupported() {
        return major == 1 && minor <= 1;
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
