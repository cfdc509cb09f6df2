package dev.fleetdeploy.maven;

/**
 * Runs something when the JVM is stopped while a goal runs (Jenkins and GitHub Actions stop a step with SIGTERM; a user
 * with Ctrl-C, SIGINT): a shutdown hook registered for the execution and removed after it, so that a stopped build
 * still leaves its report. The work itself is the core's ({@code RunOutputs.abort}); this only wires it to the JVM.
 */
final class AbortHook implements AutoCloseable {
    private final Thread hook;

    private AbortHook(Thread hook) {
        this.hook = hook;
    }

    static AbortHook install(Runnable onAbort) {
        Thread hook = new Thread(onAbort, "fleet-abort-report");
        Runtime.getRuntime().addShutdownHook(hook);
        return new AbortHook(hook);
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is stopping already: the hook runs (or ran), and writes nothing the run wrote itself.
        }
    }
}
