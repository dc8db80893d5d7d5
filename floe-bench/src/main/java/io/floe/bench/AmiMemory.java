package io.floe.bench;

import java.util.Locale;

/**
 * What {@link AmiClient} measured: {@code calls} outstanding {@code delay(ms)} calls on one
 * connection, the heap (after a full GC) and RSS before the calls and once all were written.
 * {@code answeredEarly} counts replies that came before that moment (they make the per-call
 * figures too low; it is 0 when {@code ms} is long enough).
 */
record AmiMemory(int calls, int ms, double sentSeconds, double wallSeconds, long answeredEarly,
                 int failed, long heapBefore, long heapOutstanding, long rssBefore,
                 long rssOutstanding, long peakRss) {

    double heapBytesPerCall() {
        return (double) (heapOutstanding - heapBefore) / calls;
    }

    double rssBytesPerCall() {
        return (double) (rssOutstanding - rssBefore) / calls;
    }

    /** One JSON object, the fields named as {@code bench/ice-java/AmiClientIce.java} names them. */
    String toJson(String client) {
        return String.format(Locale.ROOT, "{\"client\":\"%s\",\"calls\":%d,\"ms\":%d,\"sent_s\":%.3f,"
                        + "\"wall_s\":%.3f,\"answered_early\":%d,\"failed\":%d,\"heap_before_mib\":%.1f,"
                        + "\"heap_outstanding_mib\":%.1f,\"heap_per_call_bytes\":%.0f,\"rss_before_mib\":%.1f,"
                        + "\"rss_outstanding_mib\":%.1f,\"rss_per_call_bytes\":%.0f,\"peak_rss_mib\":%.1f}",
                client, calls, ms, sentSeconds, wallSeconds, answeredEarly, failed, mib(heapBefore),
                mib(heapOutstanding), heapBytesPerCall(), mib(rssBefore), mib(rssOutstanding),
                rssBytesPerCall(), mib(peakRss));
    }

    private static double mib(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
