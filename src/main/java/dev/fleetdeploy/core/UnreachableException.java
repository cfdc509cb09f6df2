package dev.fleetdeploy.core;

/** No answer came: the connection failed or timed out (after any retries). */
public final class UnreachableException extends OperationFailure {
    private static final long serialVersionUID = 1L;

    private final boolean requestMayHaveApplied;

    public UnreachableException(String message, String hint, Throwable cause) {
        this(message, hint, cause, 0);
    }

    /** @param attempts how many times the request was sent without an answer */
    public UnreachableException(String message, String hint, Throwable cause, int attempts) {
        this(message, hint, cause, attempts, false);
    }

    /**
     * @param requestMayHaveApplied whether a request that changes something may have reached the server and taken
     *     effect although no answer came: the caller must find out before it sends anything like it again
     */
    public UnreachableException(
            String message, String hint, Throwable cause, int attempts, boolean requestMayHaveApplied) {
        super(message, hint, cause, attempts);
        this.requestMayHaveApplied = requestMayHaveApplied;
    }

    /** Whether a request that changes something may have taken effect although no answer came. */
    public boolean requestMayHaveApplied() {
        return requestMayHaveApplied;
    }

    @Override
    public UnreachableException withAttempts(int attempts) {
        return tracedAsThis(
                new UnreachableException(getMessage(), hint(), getCause(), attempts, requestMayHaveApplied));
    }
}
