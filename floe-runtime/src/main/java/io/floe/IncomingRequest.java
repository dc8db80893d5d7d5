package io.floe;

import io.floe.encoding.FormatType;
import io.floe.encoding.InputStream;
import io.floe.encoding.OutputStream;

/**
 * One request being dispatched, as generated dispatch code sees it: read the parameters, call
 * the servant, then answer with {@link #sendResult} or, for AMD, through {@link #startAsync}.
 * An exception thrown out of {@link Servant#_dispatch} is the reply, unless the AMD reply was
 * already sent (then it is logged).
 */
public interface IncomingRequest {
    Current current();

    /** Raises MarshalException when the request's mode does not fit the declared one (§4.3). */
    void checkMode(OperationMode declared);

    /** Sets the slice format of the user exceptions and results of this operation. */
    void setFormat(FormatType format);

    /** Enters the parameters' encapsulation. */
    InputStream startReadParams();

    /** Leaves it, checking that every byte was read. */
    void endReadParams();

    /** Reads an encapsulation that holds no parameters. */
    void readEmptyParams();

    /** Starts a status-OK reply and its results' encapsulation. */
    OutputStream startWriteResult();

    /** Ends the results' encapsulation started by {@link #startWriteResult} and sends the reply. */
    void sendResult(OutputStream results);

    /** Sends status OK with no results. */
    void sendEmptyResult();

    /** Marks this dispatch as asynchronous; the reply is sent when the returned object completes. */
    AsyncReply startAsync();
}
