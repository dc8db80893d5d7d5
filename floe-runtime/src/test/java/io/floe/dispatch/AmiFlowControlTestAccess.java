package io.floe.dispatch;

/** Lets tests of other packages measure the heap as AmiFlowControlTest does. */
public final class AmiFlowControlTestAccess {
    private AmiFlowControlTestAccess() {
    }

    public static long usedHeap() {
        return AmiFlowControlTest.usedHeap();
    }
}
