package dev.fleetdeploy.http;

import dev.fleetdeploy.core.ActionResult;
import dev.fleetdeploy.core.ApiException;

/**
 * A cancel or retry that was repeated after an attempt got no clear answer, and whose repeat was refused (as already
 * done, or no longer allowed). The deployment's own state, read since, says whether the earlier attempt took effect;
 * this turns what it says into the operation's outcome.
 *
 * @param refusal the answer to the repeat
 * @param attempts every request the operation took, the read of the deployment's state included
 */
public record RefusedRepeat(ApiResponse refusal, int attempts) {

    /**
     * The earlier attempt took effect: a success, with the API's words for the refusal.
     *
     * @param done what the earlier attempt did: "canceled", "retried"
     * @param state the deployment's state now, or null
     * @param evidence how the deployment shows it, to follow "had already canceled it" (" (isCanceled=true)"), or ""
     */
    public ActionResult tookEffect(String done, String state, String evidence) {
        String apiText = ErrorText.of(refusal);
        return new ActionResult(
                refusal.code(),
                state,
                "an earlier attempt, which got no clear answer, had already " + done + " it" + evidence
                        + "; the repeat was refused" + (apiText.isEmpty() ? "" : " (" + apiText + ")"),
                null,
                attempts);
    }

    /**
     * The deployment does not show that the earlier attempt took effect: the refusal stands.
     *
     * @param shown what the deployment shows, and what to do: "the deployment is now 'failed': check it ..."
     */
    public ApiException stands(String shown) {
        return new ApiException(
                        refusal.code(),
                        refusal.statusText(),
                        ErrorText.of(refusal),
                        "An earlier attempt got no clear answer, and " + shown)
                .withAttempts(attempts);
    }
}
