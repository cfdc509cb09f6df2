package dev.fleetdeploy.core;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One deployment's operation failed. The runner records it and goes on with the other deployments; the front end
 * decides at the end whether the build fails. Its message and hint may quote the network (an error text, a header,
 * an exception's words): both are made one line here ({@link WireText#sentence}), for every kind of failure.
 */
public abstract sealed class OperationFailure extends Exception permits ApiException, Refusal, UnreachableException {
    private static final long serialVersionUID = 1L;

    private final String hint;
    private final int attempts;
    /** Set once, on a copy made by {@link #withSupportIds}, and carried by every later copy. */
    private Map<String, String> supportIds = Map.of();

    /** @param attempts the requests the operation had sent when it failed, retries included */
    protected OperationFailure(String message, String hint, Throwable cause, int attempts) {
        super(WireText.sentence(message), cause);
        this.hint = WireText.sentence(hint);
        this.attempts = attempts;
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

    /** How many requests the operation had sent when it failed, retries included (0 when none were). */
    public int attempts() {
        return attempts;
    }

    /** The same failure, as the end of an operation that had sent {@code attempts} requests. */
    public abstract OperationFailure withAttempts(int attempts);

    /**
     * What the service's support asks for to find the request, by name, in order: the service's trace id, the id the
     * request carried ({@code traceId}, {@code x-ms-client-request-id}); empty when there is none.
     */
    public Map<String, String> supportIds() {
        return supportIds;
    }

    /** "traceId 00-…, x-ms-client-request-id 1b…", or empty text. */
    public String describeSupportIds() {
        return describe(supportIds);
    }

    static String describe(Map<String, String> supportIds) {
        return supportIds.entrySet().stream()
                .map(id -> id.getKey() + " " + id.getValue())
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** The same failure, with these ids (cleaned: they may come from an answer) added to any it has. */
    public OperationFailure withSupportIds(Map<String, String> ids) {
        OperationFailure copy = withAttempts(attempts);
        Map<String, String> all = new LinkedHashMap<>(supportIds);
        ids.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                all.put(name, WireText.clean(value));
            }
        });
        copy.supportIds = java.util.Collections.unmodifiableMap(all);
        return copy;
    }

    /** The same failure, after {@code earlier} requests the operation sent before the one that failed. */
    public OperationFailure after(int earlier) {
        return earlier == 0 ? this : withAttempts(attempts + earlier);
    }

    /** A copy keeps the place the failure was first raised. */
    protected final <T extends OperationFailure> T tracedAsThis(T copy) {
        copy.setStackTrace(getStackTrace());
        ((OperationFailure) copy).supportIds = supportIds;
        return copy;
    }
}
