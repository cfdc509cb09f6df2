package dev.fleetdeploy.bench;

import dev.fleetdeploy.core.FleetLog;
import java.lang.reflect.Proxy;
import java.util.Locale;

/**
 * The benchmarks' logs: none at all, or every line (debug too) on stderr with the milliseconds since the scenario
 * began. Each of FleetLog's level methods takes one message, so one handler serves them all.
 */
final class BenchLog {
    /** Drops everything: the Maven console's cost is measured end to end, not here. */
    static final FleetLog QUIET = of(false, (level, message) -> {});

    private BenchLog() {}

    /** @param origin the scenario's start, a {@link System#nanoTime} */
    static FleetLog onStderr(long origin) {
        return of(
                true,
                (level, message) -> System.err.printf(
                        Locale.ROOT, "%8.1f ms %s %s%n", (System.nanoTime() - origin) / 1e6, level, message));
    }

    interface Printer {
        void print(String level, String message);
    }

    private static FleetLog of(boolean debugEnabled, Printer printer) {
        return (FleetLog) Proxy.newProxyInstance(
                FleetLog.class.getClassLoader(), new Class<?>[] {FleetLog.class}, (proxy, method, args) -> {
                    if (method.getName().equals("isDebugEnabled")) {
                        return debugEnabled;
                    }
                    if (method.getDeclaringClass() == Object.class) {
                        return method.getName().equals("equals") ? proxy == args[0] : method.invoke(printer, args);
                    }
                    printer.print(method.getName().toUpperCase(Locale.ROOT), (String) args[0]);
                    return null;
                });
    }
}
