package io.floe;

/**
 * The base of every generated {@code AMD_<Interface>_<op>} callback. Completing it sends the
 * reply. Any thread may complete it, exactly once: the first of {@code ice_response} and
 * {@code ice_exception} wins, later calls are logged and ignored, and neither ever throws.
 */
public interface AMDCallback {
    /**
     * Answers with an exception, translated as a synchronous dispatch's would be: a user
     * exception as status 1, ObjectNotExist and friends as 2 to 4, other local exceptions as
     * UnknownLocal (5), anything else as Unknown (7).
     */
    void ice_exception(Exception ex);
}
