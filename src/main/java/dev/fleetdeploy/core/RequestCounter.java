package dev.fleetdeploy.core;

/**
 * Counts the requests the current thread sends, so that the report can say how many attempts a deployment took.
 * The runner works on each deployment on one thread, start to end.
 */
public interface RequestCounter {
    RequestCounter NONE = new RequestCounter() {
        @Override
        public void reset() {}

        @Override
        public int count() {
            return 0;
        }
    };

    /** Starts counting from zero on this thread. */
    void reset();

    /** Requests sent on this thread since the last {@link #reset()}. */
    int count();
}
