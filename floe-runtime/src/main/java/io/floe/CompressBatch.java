package io.floe;

/** Whether {@link Connection#flushBatchRequests} compresses the batch, as Ice's {@code CompressBatch}. */
public enum CompressBatch {
    YES,
    NO,
    /** When at least one of the batched requests came from a compressing proxy. */
    BASED_ON_PROXY
}
