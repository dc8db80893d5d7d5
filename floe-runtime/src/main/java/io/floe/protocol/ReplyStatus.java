package io.floe.protocol;

import io.floe.UnknownReplyStatusException;

/** The status byte of a Reply (ice-protocol.md §2.5). */
public enum ReplyStatus {
    OK,
    USER_EXCEPTION,
    OBJECT_NOT_EXIST,
    FACET_NOT_EXIST,
    OPERATION_NOT_EXIST,
    UNKNOWN_LOCAL_EXCEPTION,
    UNKNOWN_USER_EXCEPTION,
    UNKNOWN_EXCEPTION;

    public int code() {
        return ordinal();
    }

    public static ReplyStatus fromCode(int code) {
        ReplyStatus[] all = values();
        if (code < 0 || code >= all.length) {
            throw new UnknownReplyStatusException("reply status: " + code + " (expected: 0 to 7)");
        }
        return all[code];
    }
}
