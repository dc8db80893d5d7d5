package io.floe.encoding;

import io.floe.UserException;

/**
 * Makes an empty exception for a Slice type id, or returns null for a type the caller does not
 * accept. Generated proxies pass one per operation that knows the declared exceptions and their
 * known subtypes, so anything else becomes an UnknownUserException (ice-protocol.md §4.5).
 */
@FunctionalInterface
public interface UserExceptionFactory {
    UserExceptionFactory NONE = typeId -> null;

    UserException create(String typeId);
}
