package io.floe.encoding;

import io.floe.Value;
import java.util.function.Consumer;

/** Where a decoded class reference lands: generated code reads class-typed parameters into one. */
public final class ValueHolder<T extends Value> implements Consumer<T> {
    public T value;

    @Override
    public void accept(T decoded) {
        value = decoded;
    }
}
