package io.floe;

/** Raised for something Ice defines that Floe does not do (yet), such as datagram invocations. */
public class FeatureNotSupportedException extends LocalException {
    private static final long serialVersionUID = 1L;

    public FeatureNotSupportedException(String message) {
        super(message);
    }
}
