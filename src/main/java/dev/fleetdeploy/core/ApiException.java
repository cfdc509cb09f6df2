package dev.fleetdeploy.core;

/** The API answered outside 2xx (after any retries). */
public final class ApiException extends OperationFailure {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String apiText;

    /**
     * @param status the HTTP status
     * @param statusText how to show the status ("403 Forbidden")
     * @param apiText the API's own error text, already reduced to one line; empty when the body said nothing
     * @param hint what to check next
     */
    public ApiException(int status, String statusText, String apiText, String hint) {
        this("", status, statusText, apiText, hint);
    }

    /**
     * @param context what was asked, when it was not the operation itself, ending in a space ("the token request to
     *     login.microsoftonline.com was refused: ")
     */
    public ApiException(String context, int status, String statusText, String apiText, String hint) {
        this(context, status, WireText.clean(statusText), WireText.sentence(apiText), hint, 0);
    }

    private ApiException(String context, int status, String statusText, String apiText, String hint, int attempts) {
        this(
                context + "HTTP " + statusText + (apiText.isEmpty() ? " with no error text" : ": " + apiText),
                hint,
                status,
                apiText,
                attempts);
    }

    private ApiException(String message, String hint, int status, String apiText, int attempts) {
        super(message, hint, null, attempts);
        this.status = status;
        this.apiText = apiText;
    }

    @Override
    public ApiException withAttempts(int attempts) {
        return tracedAsThis(new ApiException(getMessage(), hint(), status, apiText, attempts));
    }

    @Override
    public Integer httpStatus() {
        return status;
    }

    public String apiText() {
        return apiText;
    }
}
