package dev.fleetdeploy.core;

/**
 * One deployment's operation failed. The runner records it and goes on with the other deployments; the front end
 * decides at the end whether the build fails.
 */
public abstract sealed class OperationFailure extends Exception
        permits ApiException, UnreachableException, WaitTimeoutException {
    private static final long serialVersionUID = 1L;

    private final String hint;

    protected OperationFailure(String message, String hint, Throwable cause) {
        super(message, cause);
        this.hint = hint;
    }

    /** What happened, without the provider, operation or id (the runner adds those). */
    public String detail() {
        return getMessage();
    }

    /** What the user should check next; never null. */
    public String hint() {
        return hint;
    }

    /** The HTTP status, when the API answered; else null. */
    public Integer httpStatus() {
        return null;
    }
}
