package io.floe.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/** This JVM's memory as the benchmarks report it: live heap after a full GC, and Linux RSS. */
final class ProcessMemory {
    private static final Path STATUS = Path.of("/proc/self/status");

    private ProcessMemory() {
    }

    /** Heap in use after two full collections (the second collects what the first finalized). */
    static long heapUsedAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        memory.gc();
        memory.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    /** Resident set size now ({@code VmRSS}); 0 where /proc is not there. */
    static long rssBytes() throws IOException {
        return statusKilobytes("VmRSS:") * 1024;
    }

    /** Peak resident set size so far ({@code VmHWM}); 0 where /proc is not there. */
    static long peakRssBytes() throws IOException {
        return statusKilobytes("VmHWM:") * 1024;
    }

    private static long statusKilobytes(String field) throws IOException {
        if (!Files.isReadable(STATUS)) {
            return 0;
        }
        for (String line : Files.readAllLines(STATUS)) {
            if (line.startsWith(field)) {
                return Long.parseLong(line.substring(field.length()).replace("kB", "").trim());
            }
        }
        return 0;
    }
}
