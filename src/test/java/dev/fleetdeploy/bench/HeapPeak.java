package dev.fleetdeploy.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

/** The heap's peak while some work runs: garbage collected first, the pools' peaks reset, the live heap noted. */
final class HeapPeak {
    private final List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP)
            .toList();
    private final long before;

    private HeapPeak() {
        System.gc();
        before = used();
        pools.forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    static HeapPeak start() {
        return new HeapPeak();
    }

    /** The heap in use now, in bytes. */
    static long used() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getUsage().getUsed())
                .sum();
    }

    /** What was live when it started, in bytes. */
    long before() {
        return before;
    }

    /** The highest the heap reached since it started, in bytes. */
    long peak() {
        return pools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }
}
