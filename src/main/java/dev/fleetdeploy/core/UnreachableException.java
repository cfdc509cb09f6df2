package dev.fleetdeploy.core;

/** No answer came: the connection failed or timed out (after any retries). */
public final class UnreachableException extends OperationFailure {
    private static final long serialVersionUID = 1L;

    public UnreachableException(String message, String hint, Throwable cause) {
        super(message, hint, cause);
    }
}
