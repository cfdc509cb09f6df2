package dev.fleetdeploy.core;

/** No answer came: the connection failed or timed out (after any retries). */
public final class UnreachableException extends OperationFailure {
    private static final long serialVersionUID = 1L;

    public UnreachableException(String message, String hint, Throwable cause) {
        this(message, hint, cause, 0);
    }

    /** @param attempts how many times the request was sent without an answer */
    public UnreachableException(String message, String hint, Throwable cause, int attempts) {
        super(message, hint, cause, attempts);
    }

    @Override
    public UnreachableException withAttempts(int attempts) {
        return tracedAsThis(new UnreachableException(getMessage(), hint(), getCause(), attempts));
    }
}
