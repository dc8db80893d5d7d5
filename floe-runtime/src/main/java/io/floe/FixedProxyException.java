package io.floe;

/**
 * Raised when a fixed proxy ({@link Connection#createProxy}, {@link ObjectPrx#ice_fixed}) is
 * marshaled, or asked for a setting only a proxy with endpoints has: it exists only for its
 * connection.
 */
public class FixedProxyException extends LocalException {
    private static final long serialVersionUID = 1L;

    public FixedProxyException(String message) {
        super(message);
    }
}
