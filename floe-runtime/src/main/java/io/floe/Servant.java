package io.floe;

import java.util.Arrays;

/**
 * An object that serves requests. Generated servant interfaces extend it and implement
 * {@link #_dispatch}; the built-in operations ice_ping, ice_isA, ice_id and ice_ids are here.
 */
public interface Servant {
    String OBJECT_TYPE_ID = "::Ice::Object";

    default void ice_ping(Current current) {
    }

    default boolean ice_isA(String typeId, Current current) {
        return Arrays.binarySearch(ice_ids(current), typeId) >= 0;
    }

    /** The most derived Slice type id. */
    default String ice_id(Current current) {
        return OBJECT_TYPE_ID;
    }

    /** Every type id this servant implements, {@code ::Ice::Object} included, sorted. */
    default String[] ice_ids(Current current) {
        return new String[] {OBJECT_TYPE_ID};
    }

    /** Generated: dispatches one request on the operation's name. */
    default void _dispatch(IncomingRequest request) throws UserException {
        _dispatchBuiltin(this, request);
    }

    /**
     * Dispatches the built-in operations, whose mode is not checked (ice-protocol.md §4.2);
     * any other name is an OperationNotExistException.
     */
    static void _dispatchBuiltin(Servant servant, IncomingRequest request) {
        Current current = request.current();
        switch (current.operation()) {
            case "ice_ping" -> {
                request.readEmptyParams();
                servant.ice_ping(current);
                request.sendEmptyResult();
            }
            case "ice_isA" -> {
                String typeId = request.startReadParams().readString();
                request.endReadParams();
                boolean result = servant.ice_isA(typeId, current);
                var out = request.startWriteResult();
                out.writeBool(result);
                request.sendResult(out);
            }
            case "ice_id" -> {
                request.readEmptyParams();
                String result = servant.ice_id(current);
                var out = request.startWriteResult();
                out.writeString(result);
                request.sendResult(out);
            }
            case "ice_ids" -> {
                request.readEmptyParams();
                String[] result = servant.ice_ids(current);
                var out = request.startWriteResult();
                out.writeStringSeq(result);
                request.sendResult(out);
            }
            default -> throw new OperationNotExistException();
        }
    }
}
