package dev.fleetdeploy.core;

/**
 * The plugin itself stopped short of what was asked, and says why: it declined to act on what the API said (a
 * deployment still running, a host list that does not add up: nothing was changed), or it stopped waiting for a final
 * state when its time ran out. The message says what was found and what was not done; the hint, what settles it.
 */
public final class Refusal extends OperationFailure {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what was found, ending with what was not done ("...: nothing was created", "... after waiting
     *     600 s")
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
