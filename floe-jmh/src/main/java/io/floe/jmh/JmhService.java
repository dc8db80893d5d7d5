package io.floe.jmh;

import Jmh.Sample;
import Jmh.Service;
import io.floe.Current;

/** The servant the server path benchmark dispatches to: it does as little as its results allow. */
public final class JmhService implements Service {
    private volatile int pings;

    @Override
    public void ping(Current current) {
        pings++; // a side effect the JIT cannot drop; one benchmark thread calls it
    }

    @Override
    public byte[] echo(byte[] data, Current current) {
        return data;
    }

    @Override
    public int lookup(int key, String name, Current current) {
        return key + name.length();
    }

    @Override
    public int store(Sample[] samples, byte[] tag, Current current) {
        return samples.length + tag.length;
    }

    /** How many pings it served. */
    public int pings() {
        return pings;
    }
}
