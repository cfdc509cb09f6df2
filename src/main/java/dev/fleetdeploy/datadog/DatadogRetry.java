package dev.fleetdeploy.datadog;

import dev.fleetdeploy.core.ActionResult;
import dev.fleetdeploy.core.ApiException;
import dev.fleetdeploy.core.DeploymentId;
import dev.fleetdeploy.core.Operation;
import dev.fleetdeploy.core.OperationFailure;
import dev.fleetdeploy.core.PlannedRequest;
import dev.fleetdeploy.core.Refusal;
import dev.fleetdeploy.core.Sleeper;
import dev.fleetdeploy.core.UnreachableException;
import dev.fleetdeploy.core.WireText;
import dev.fleetdeploy.http.ApiRequest;
import dev.fleetdeploy.http.ApiResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A retry of a finished Datadog deployment, which Datadog has no operation for: the deployment is read (every host, as a
 * stream), {@link RetryDecision} decides what to create, a configuration deployment is first sent as a dry run (its
 * {@code total_hosts} must be the number of failed hosts), and then the new deployment is created, once. The old
 * deployment stays as it is. docs/datadog-fleet-api.md, "Retry: a new deployment for the failed hosts".
 *
 * <p>A create that got no clear answer (a timeout, a 5xx) may have made the deployment: it is not sent again until the
 * list of deployments shows that it did not (no deployment with the same query and update type, started after the
 * create was sent); if the list cannot tell, the retry fails and says what to look for.
 *
 * @param clock what the time a create was sent, compared with the new deployment's start, is read on
 * @param sleeper how it waits for a create that got no clear answer to show up in the list
 */
record DatadogRetry(DatadogProvider provider, DatadogConfig config, Clock clock, Sleeper sleeper) {
    /** How long to let a create that got no clear answer show up in the list before looking for it. */
    static final Duration SETTLE = Duration.ofSeconds(5);
    /** How far the API's clock may be behind this machine's when a new deployment's start is compared with it. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    /** Creates sent at most: the first, and one more only when the list shows the first made nothing. */
    static final int MAX_CREATES = 2;
    /** The deployment ids the plugin takes from an answer: Datadog's are short, of letters, digits and dashes. */
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    ActionResult retry(DeploymentId id) throws OperationFailure {
        DatadogProvider.DetailAnswer read = provider.detail(Operation.RETRY, id);
        int attempts = read.attempts();
        RetryDecision.Decision decision = RetryDecision.decide(read.detail(), config.targetPackages());
        if (decision instanceof RetryDecision.Decision.Refused refused) {
            throw new Refusal(refused.problem() + ", so nothing was created", refused.hint()).withAttempts(attempts);
        }
        if (decision instanceof RetryDecision.Decision.NothingToRetry nothing) {
            return new ActionResult(
                    200,
                    WireText.clean(nothing.state()),
                    "no host failed, so there is nothing to retry and nothing was created",
                    null,
                    attempts);
        }
        RetryDecision.Decision.Create create = (RetryDecision.Decision.Create) decision;
        if (create.dryRunBody() != null) {
            attempts += dryRun(create, attempts);
        }
        return createOnce(id, create, attempts);
    }

    /** The requests a retry would send, read from the deployment itself: the exact bodies. */
    List<PlannedRequest> plan(DeploymentId id) throws OperationFailure {
        List<PlannedRequest> planned = new ArrayList<>();
        planned.add(provider.planOf(provider.detailRequest(id), "sent: a dry run reads the deployment"));
        DatadogProvider.DetailAnswer read = provider.detail(Operation.RETRY, id);
        RetryDecision.Decision decision = RetryDecision.decide(read.detail(), config.targetPackages());
        if (decision instanceof RetryDecision.Decision.Refused refused) {
            throw new Refusal(refused.problem() + ", so nothing would be created", refused.hint())
                    .withAttempts(read.attempts());
        }
        if (decision instanceof RetryDecision.Decision.NothingToRetry) {
            return planned;
        }
        RetryDecision.Decision.Create create = (RetryDecision.Decision.Create) decision;
        if (create.dryRunBody() != null) {
            planned.add(provider.planOf(
                    createRequest(create, true), "Datadog's own dry run: its total_hosts must be " + create.hosts()));
        }
        planned.add(provider.planOf(
                createRequest(create, false),
                "creates the new deployment for the " + hosts(create.hosts()) + " that failed"));
        return planned;
    }

    private ApiRequest createRequest(RetryDecision.Decision.Create create, boolean dryRun) {
        ApiRequest.Builder builder = ApiRequest.post(provider.deploymentsUrl()
                        .addPathSegment(create.upgrade() ? "upgrade" : "configure")
                        .build())
                .jsonBody(dryRun ? create.dryRunBody() : create.body());
        // A dry run creates nothing and may be sent again; the create itself, never once it may have arrived.
        return provider.authenticated(dryRun ? builder.repeatable() : builder.neverRepeated());
    }

    /** Datadog's dry run of the new deployment: it must reach exactly the failed hosts. */
    private int dryRun(RetryDecision.Decision.Create create, int before) throws OperationFailure {
        ApiResponse response;
        try {
            response = provider.exchange(createRequest(create, true));
        } catch (UnreachableException e) {
            throw e.after(before);
        }
        int attempts = before + response.attempts();
        if (!response.successful()) {
            throw createFailure(response, "the dry run of the new deployment was refused")
                    .after(before);
        }
        CreateAnswer answer = answer(response, attempts);
        if (response.code() == 201 && !CreateAnswer.DRY_RUN_ID.equals(answer.id())) {
            throw new Refusal(
                            "Datadog answered the dry run with 201, as if it had created deployment '"
                                    + WireText.clean(answer.id()) + "', so the plugin created nothing more",
                            "Check that deployment in Datadog, and cancel it if it is not wanted.")
                    .withAttempts(attempts);
        }
        if (Boolean.FALSE.equals(answer.configValidated())) {
            throw new Refusal(
                            "Datadog's dry run says the configuration operations do not validate"
                                    + " (config_validated is false), so nothing was created",
                            "Check the deployment's configuration in Datadog.")
                    .withAttempts(attempts);
        }
        if (answer.totalHosts() == null || answer.totalHosts() != create.hosts()) {
            throw new Refusal(
                            "Datadog's dry run of the new deployment reaches "
                                    + (answer.totalHosts() == null ? "an unknown number of" : answer.totalHosts())
                                    + " hosts, but the deployment has " + create.hosts()
                                    + " failed hosts, so nothing was created",
                            "A failed host may have been renamed or left the fleet: check them in Datadog, and retry"
                                    + " them from its Fleet Automation page.")
                    .withAttempts(attempts);
        }
        return response.attempts();
    }

    /** Creates the new deployment; one that got no clear answer is looked for before anything is sent again. */
    private ActionResult createOnce(DeploymentId old, RetryDecision.Decision.Create create, int before)
            throws OperationFailure {
        int attempts = before;
        Instant firstSent = null;
        for (int send = 1; ; send++) {
            Instant sent = clock.instant();
            firstSent = firstSent == null ? sent : firstSent;
            String noClearAnswer;
            try {
                ApiResponse response = provider.exchange(createRequest(create, false));
                attempts += response.attempts();
                if (response.successful()) {
                    CreateAnswer answer = answer(response, attempts);
                    if (answer.id() != null && !CreateAnswer.DRY_RUN_ID.equals(answer.id())) {
                        return created(old, create, answer.id(), answer.status(), response.code(), attempts, "");
                    }
                    noClearAnswer = "Datadog answered " + response.statusText() + " without the new deployment's id";
                } else if (response.code() >= 500 || response.code() == 408) {
                    noClearAnswer = "Datadog answered " + response.statusText();
                } else {
                    throw createFailure(response, "Datadog refused the new deployment")
                            .withAttempts(attempts);
                }
            } catch (UnreachableException e) {
                if (!e.requestMayHaveApplied()) {
                    throw new UnreachableException(
                            e.getMessage(), e.hint() + " Nothing was created.", e.getCause(), attempts + e.attempts());
                }
                attempts += e.attempts();
                noClearAnswer = e.getMessage();
            }
            Found found = lookFor(create, firstSent, noClearAnswer, attempts);
            attempts = found.attempts();
            if (found.id() != null) {
                return created(
                        old,
                        create,
                        found.id(),
                        null,
                        201,
                        attempts,
                        "; the create got no clear answer (" + WireText.clean(noClearAnswer)
                                + "), and the list of deployments shows it was made");
            }
            if (send >= MAX_CREATES) {
                throw maybeCreated(create, firstSent, noClearAnswer + " twice", "", attempts);
            }
        }
    }

    /** The new deployment the list shows, or none (the list shows it was not made). */
    private record Found(String id, int attempts) {}

    /**
     * After a create that got no clear answer: looks in the list for a deployment it made (same query and update type,
     * started after it was sent, allowing for the clocks' difference).
     *
     * @throws OperationFailure when the list cannot tell: a deployment may have been created
     */
    private Found lookFor(RetryDecision.Decision.Create create, Instant sent, String noClearAnswer, int before)
            throws OperationFailure {
        String type = create.upgrade() ? RetryDecision.UPGRADE : RetryDecision.CONFIGURE;
        long notBefore = sent.minus(CLOCK_SKEW).getEpochSecond();
        DeploymentLister.Listing listing;
        try {
            sleeper.sleep(SETTLE);
            listing = DeploymentLister.list(
                    provider::page,
                    item -> create.query().equals(item.query())
                            && type.equals(item.updateType())
                            && item.startedAt() != null
                            && item.startedAt() >= notBefore,
                    notBefore);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw maybeCreated(create, sent, noClearAnswer, "; the build was stopped before the list was read", before);
        } catch (OperationFailure failure) {
            throw maybeCreated(
                    create,
                    sent,
                    noClearAnswer,
                    "; the list of deployments could not be read (" + failure.detail() + ")",
                    before + failure.attempts());
        }
        int attempts = before + listing.attempts();
        List<ListedDeployment> kept = listing.kept();
        if (kept.size() == 1) {
            return new Found(kept.get(0).id(), attempts);
        }
        if (kept.size() > 1) {
            throw maybeCreated(
                    create,
                    sent,
                    noClearAnswer,
                    "; the list shows " + kept.size() + " such deployments ("
                            + kept.stream()
                                    .limit(5)
                                    .map(d -> "'" + WireText.clean(d.id()) + "'")
                                    .collect(Collectors.joining(", "))
                            + ")",
                    attempts);
        }
        if (!listing.complete()) {
            throw maybeCreated(
                    create,
                    sent,
                    noClearAnswer,
                    "; the list has more than " + DeploymentLister.MAX_PAGES * DeploymentLister.PAGE_SIZE
                            + " deployments, more than the plugin reads",
                    attempts);
        }
        return new Found(null, attempts);
    }

    private ActionResult created(
            DeploymentId old,
            RetryDecision.Decision.Create create,
            String rawId,
            String status,
            int code,
            int attempts,
            String how)
            throws OperationFailure {
        if (!SAFE_ID.matcher(rawId).matches()) {
            throw new Refusal(
                            "Datadog created the new deployment, but its id '" + WireText.clean(rawId)
                                    + "' is not one the plugin can use",
                            "Find it in Datadog (query '" + WireText.clean(create.query())
                                    + "') to follow or cancel it.")
                    .withAttempts(attempts);
        }
        return new ActionResult(
                code,
                status == null ? null : WireText.clean(status),
                "created deployment '" + rawId + "' for the " + hosts(create.hosts()) + " that failed ("
                        + WireText.clean(create.what()) + ")" + how + "; deployment '" + old
                        + "' stays as it was",
                null,
                attempts,
                rawId);
    }

    private static String hosts(int count) {
        return count + " host" + (count == 1 ? "" : "s");
    }

    /** The create's answer; a success whose body is not Datadog's is no answer the plugin can act on. */
    private static CreateAnswer answer(ApiResponse response, int attempts) throws ApiException {
        JsonRead<CreateAnswer> read = CreateAnswer.read(response.body());
        if (!read.readable()) {
            throw DatadogProvider.notDatadog(response, read.problem()).withAttempts(attempts);
        }
        return read.value();
    }

    /** A create or its dry run refused: the API's words, and what settles it. Nothing was created. */
    private ApiException createFailure(ApiResponse response, String what) {
        String hint = switch (response.code()) {
            case 400 ->
                what + " (a filter query Datadog cannot resolve, hosts no longer eligible, or a configuration that"
                        + " does not validate): check the failed hosts in Datadog.";
            case 403 ->
                "Check that the application key has the agent_upgrade_write and fleet_policies_write permissions"
                        + " (a retry creates a deployment) and that both keys belong to the organization on "
                        + config.site().site() + ".";
            case 409 ->
                "A conflicting upgrade is already running on one or more of the failed hosts: wait for it to"
                        + " finish (or cancel it), then retry.";
            default -> provider.failure(Operation.RETRY, response).hint();
        };
        return new ApiException(
                        "nothing was created: ",
                        response.code(),
                        response.statusText(),
                        dev.fleetdeploy.http.ErrorText.of(response),
                        hint + response.hintAddition())
                .withAttempts(response.attempts());
    }

    /** The retry cannot tell whether its create made a deployment: say so, and what to look for. */
    private Refusal maybeCreated(
            RetryDecision.Decision.Create create, Instant sent, String noClearAnswer, String why, int attempts) {
        String type = create.upgrade() ? RetryDecision.UPGRADE : RetryDecision.CONFIGURE;
        return new Refusal(
                        "the create got no clear answer (" + WireText.clean(noClearAnswer) + ")" + why
                                + ", so a deployment may have been created; the plugin did not send it again",
                        "Look in Datadog's Fleet Automation for a deployment of update_type " + type
                                + " started after " + sent.truncatedTo(ChronoUnit.SECONDS) + " with the query '"
                                + WireText.clean(create.query()) + "' (" + hosts(create.hosts())
                                + "); cancel it or keep it, and retry only if there is none.")
                .withAttempts(attempts);
    }
}
