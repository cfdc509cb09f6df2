package dev.fleetdeploy.testing;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * Stops an IT's own build the way Jenkins and GitHub Actions stop a step: SIGTERM to its Maven process
 * ({@link ProcessHandle#destroy()} sends SIGTERM on Linux), once a fake has seen enough requests; then a second
 * SIGTERM, as an impatient CI sends, while the first is being handled. It times how long the build takes to exit.
 *
 * <pre>
 * def marker = UUID.randomUUID().toString()
 * context.get('userProperties').put('fleet.it.stopMarker', marker)   // on the build's command line, to find it
 * def stopper = BuildStopper.whenRequests({ server.requests().size() }, 10, marker)
 * ...
 * assert stopper.exitTime() &lt; Duration.ofSeconds(2)
 * </pre>
 */
public final class BuildStopper {
    private final IntSupplier seen;
    private final int threshold;
    private final String marker;
    private volatile long pid = -1;
    private volatile Duration exitTime;
    private volatile String problem;
    /** Counted down when the watcher is done: stopped the build and saw it end, or gave up. */
    private final java.util.concurrent.CountDownLatch finished = new java.util.concurrent.CountDownLatch(1);

    private BuildStopper(IntSupplier seen, int threshold, String marker) {
        this.seen = seen;
        this.threshold = threshold;
        this.marker = marker;
    }

    /**
     * Watches, on a daemon thread, until {@code seen} reaches {@code threshold}, then stops the descendant process of
     * this JVM whose command line holds {@code marker}.
     */
    public static BuildStopper whenRequests(IntSupplier seen, int threshold, String marker) {
        BuildStopper stopper = new BuildStopper(seen, threshold, marker);
        Thread watcher = new Thread(stopper::watch, "build-stopper-" + marker);
        watcher.setDaemon(true);
        watcher.start();
        return stopper;
    }

    private void watch() {
        try {
            stopTheBuild();
        } finally {
            finished.countDown();
        }
    }

    private void stopTheBuild() {
        try {
            long giveUp = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (seen.getAsInt() < threshold) {
                if (System.nanoTime() > giveUp) {
                    problem = "the fake never saw " + threshold + " requests";
                    return;
                }
                Thread.sleep(10);
            }
            Optional<ProcessHandle> build = find();
            if (build.isEmpty()) {
                problem = "no process of this JVM's has " + marker + " on its command line";
                return;
            }
            ProcessHandle process = build.get();
            pid = process.pid();
            long stopped = System.nanoTime();
            process.destroy();
            Thread.sleep(100);
            if (process.isAlive()) {
                process.destroy(); // A second signal, while the first one's report is being written.
            }
            process.onExit().get(30, TimeUnit.SECONDS);
            exitTime = Duration.ofNanos(System.nanoTime() - stopped);
        } catch (Exception e) {
            problem = e.toString();
        }
    }

    private Optional<ProcessHandle> find() {
        List<ProcessHandle> matching = ProcessHandle.current()
                .descendants()
                .filter(p -> p.info()
                        .commandLine()
                        .map(line -> line.contains(marker))
                        .orElse(false))
                .toList();
        // The mvn script execs java: one process; if a shell is left in between, the java one is the deepest.
        return matching.stream()
                .filter(p -> p.info().command().map(c -> c.endsWith("java")).orElse(false))
                .findFirst()
                .or(() -> matching.stream().reduce((first, second) -> second));
    }

    /** The process it stopped; fails, saying why, when it stopped none. */
    public long pid() {
        awaitWatcher();
        if (pid < 0) {
            throw new AssertionError("the build was not stopped: " + problem);
        }
        return pid;
    }

    /** The invoker may see the build end a moment before the watcher does. */
    private void awaitWatcher() {
        try {
            if (!finished.await(60, TimeUnit.SECONDS)) {
                throw new AssertionError("the build stopper is still watching");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for the build stopper", e);
        }
    }

    /** From the first SIGTERM to the process's end; fails when the build was not stopped or did not end. */
    public Duration exitTime() {
        pid();
        if (exitTime == null) {
            throw new AssertionError("the stopped build did not end: " + problem);
        }
        return exitTime;
    }
}
