package dev.fleetdeploy.core;

/** The operation was accepted, but the deployment did not reach a final state within {@code waitTimeout}. */
public final class WaitTimeoutException extends OperationFailure {
    private static final long serialVersionUID = 1L;

    public WaitTimeoutException(String message, String hint) {
        super(message, hint, null);
    }
}
