package io.floe.encoding;

/** Writes values (parameters or results) into an encapsulation that the runtime has started. */
@FunctionalInterface
public interface Encoder {
    void encode(OutputStream out);
}
