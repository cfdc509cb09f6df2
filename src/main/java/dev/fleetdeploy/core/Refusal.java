package dev.fleetdeploy.core;

/**
 * The plugin itself declined to go on, from what the API said (a deployment still running, a host list that does not
 * add up): nothing was changed. The message says what was found and that nothing was done; the hint, what settles it.
 */
public final class Refusal extends OperationFailure {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what was found, ending with what was not done ("... : nothing was created")
     * @param hint what to do about it
     */
    public Refusal(String message, String hint) {
        this(message, hint, 0);
    }

    private Refusal(String message, String hint, int attempts) {
        super(message, hint, null, attempts);
    }

    @Override
    public Refusal withAttempts(int attempts) {
        return tracedAsThis(new Refusal(getMessage(), hint(), attempts));
    }
}
