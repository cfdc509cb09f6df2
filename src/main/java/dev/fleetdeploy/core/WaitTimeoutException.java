package dev.fleetdeploy.core;

/** The operation was accepted, but the deployment did not reach a final state within {@code waitTimeout}. */
public final class WaitTimeoutException extends OperationFailure {
    private static final long serialVersionUID = 1L;

    public WaitTimeoutException(String message, String hint) {
        this(message, hint, 0);
    }

    private WaitTimeoutException(String message, String hint, int attempts) {
        super(message, hint, null, attempts);
    }

    @Override
    public WaitTimeoutException withAttempts(int attempts) {
        return tracedAsThis(new WaitTimeoutException(getMessage(), hint(), attempts));
    }
}
