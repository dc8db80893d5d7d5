package io.floe.interop.client;

import Interop.Callback;
import io.floe.Current;

/** The client's {@code Interop::Callback}, which the server calls in callCallback. */
final class CallbackServant implements Callback {
    @Override
    public String hello(String msg, Current current) {
        return "hello " + msg;
    }
}
