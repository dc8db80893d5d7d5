package io.floe;


/**
 * How a proxy sends requests: twoway (a reply is awaited), oneway (none), batched, or over
 * datagrams; also the mode byte of an encoded proxy and its {@code -t/-o/-O/-d/-D} option
 * (ice-protocol.md §3.9).
 */
public enum InvocationMode {
    TWOWAY("-t"),
    ONEWAY("-o"),
    BATCH_ONEWAY("-O"),
    DATAGRAM("-d"),
    BATCH_DATAGRAM("-D");

    private final String option;

    InvocationMode(String option) {
        this.option = option;
    }

    public String option() {
        return option;
    }

    public static InvocationMode fromCode(int code) {
        InvocationMode[] all = values();
        if (code < 0 || code >= all.length) {
            throw new MarshalException("proxy mode: " + code + " (expected: 0 to 4)");
        }
        return all[code];
    }

    public static InvocationMode fromOption(String option) {
        for (InvocationMode mode : values()) {
            if (mode.option.equals(option)) {
                return mode;
            }
        }
        return null;
    }
}
