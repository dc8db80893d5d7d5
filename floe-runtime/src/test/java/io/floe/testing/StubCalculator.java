package io.floe.testing;

import io.floe.Current;

/** A Calculator whose operations tests override one at a time. */
public class StubCalculator implements Calculator {
    @Override
    public int add(int a, int b, Current current) throws Overflow {
        return a + b;
    }

    @Override
    public void addLater_async(AddLaterCallback cb, int a, int b, Current current) throws Overflow {
        cb.ice_response(a + b);
    }

    @Override
    public void fail(String kind, Current current) throws Overflow {
    }
}
