package io.floe.encoding;

/** Reads values (parameters or results) from an encapsulation that the runtime has started. */
@FunctionalInterface
public interface Decoder<T> {
    T decode(InputStream in);
}
