package io.floe;

/**
 * Finds servants on demand for the identities of one category that the active servant map does
 * not hold (ice-protocol.md §4.1). Registered with {@link ObjectAdapter#addServantLocator}; the
 * category {@code ""} makes it the adapter's default locator. Called from any dispatch thread, so
 * implementations are thread-safe.
 *
 * <p>As in Ice 3.7, {@link #finished} runs once the servant's answer is known and before the reply
 * is sent: after a synchronous dispatch returns or raises, and for AMD when the callback is
 * completed, on the completing thread. An exception it raises replaces the reply. It is not called
 * when {@link #locate} raised or found nothing.
 */
public interface ServantLocator {
    /** The servant found, or a null servant for none; {@code cookie} is handed back to {@link #finished}. */
    record LocateResult(Servant servant, Object cookie) {
    }

    /**
     * Returns the servant for {@code current.id()}; null (or a null servant) gives
     * ObjectNotExist. An exception is the reply, translated as a servant's would be (§4.4).
     */
    LocateResult locate(Current current) throws UserException;

    default void finished(Current current, Servant servant, Object cookie) throws UserException {
    }

    /** Called once, when the adapter has deactivated and its connections are closed. */
    default void deactivate(String category) {
    }
}
