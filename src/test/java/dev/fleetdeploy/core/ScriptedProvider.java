package dev.fleetdeploy.core;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A Datadog provider whose answers a test scripts per deployment, for testing the runner without HTTP; a test that
 * needs a provider of its own (one that blocks, say) extends it and overrides what it needs.
 */
class ScriptedProvider implements FleetProvider {
    private final String place;
    private final Map<String, Object> actionAnswers = new HashMap<>();
    private final Map<String, Object> partAnswers = new HashMap<>();
    private final Map<String, Deque<Object>> statusAnswers = new HashMap<>();
    private final List<String> calls = Collections.synchronizedList(new ArrayList<>());

    ScriptedProvider() {
        this("datadoghq.com");
    }

    /** @param place the Datadog site it stands for, as logs and reports name it */
    ScriptedProvider(String place) {
        this.place = place;
    }

    /** The deployment's subgroups (a List of ids), or an OperationFailure for the lookup. */
    ScriptedProvider answerParts(String id, Object answer) {
        partAnswers.put(id, answer);
        return this;
    }

    /** @param id a deployment id, or "id (subgroup dc)" for one subgroup */
    ScriptedProvider answerAction(String id, Object answer) {
        actionAnswers.put(id, answer);
        return this;
    }

    /** Answers for successive status reads; the last one repeats. */
    ScriptedProvider answerStatus(String id, Object... answers) {
        statusAnswers.put(id, new ArrayDeque<>(List.of(answers)));
        return this;
    }

    List<String> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    @Override
    public ProviderKind kind() {
        return ProviderKind.DATADOG;
    }

    @Override
    public String place() {
        return place;
    }

    @Override
    public String location() {
        return place + ", API v2";
    }

    @Override
    public List<DeploymentPart> parts(Operation operation, DeploymentId id) throws OperationFailure {
        Object answer = partAnswers.get(id.value());
        if (answer instanceof OperationFailure failure) {
            throw failure;
        }
        if (answer == null) {
            return List.of(DeploymentPart.whole(id));
        }
        return ((List<?>) answer)
                .stream()
                        .map(subgroup -> DeploymentPart.subgroup(id, (String) subgroup))
                        .toList();
    }

    @Override
    public ActionResult cancel(DeploymentPart part) throws OperationFailure {
        calls.add("cancel " + part);
        return action(part);
    }

    @Override
    public ActionResult retry(DeploymentPart part) throws OperationFailure {
        calls.add("retry " + part);
        return action(part);
    }

    private ActionResult action(DeploymentPart part) throws OperationFailure {
        Object answer = actionAnswers.getOrDefault(part.toString(), new ActionResult(200, "stopping", null));
        if (answer instanceof OperationFailure failure) {
            throw failure;
        }
        if (answer instanceof RuntimeException bug) {
            throw bug;
        }
        return (ActionResult) answer;
    }

    @Override
    public DeploymentStatus status(DeploymentPart part) throws OperationFailure {
        calls.add("status " + part);
        Deque<Object> answers = statusAnswers.get(part.toString());
        Object answer = answers.size() > 1 ? answers.poll() : answers.peek();
        if (answer instanceof OperationFailure failure) {
            throw failure;
        }
        return (DeploymentStatus) answer;
    }

    @Override
    public List<PlannedRequest> plan(Operation operation, DeploymentId id) {
        return List.of(new PlannedRequest("POST", "https://api.example/" + id, List.of("DD-API-KEY: ****"), null));
    }

    /** What the API refused with: {@code refusal(404, "Not Found", ...)} carries the status line "404 Not Found". */
    static ApiException refusal(int status, String reason, String apiText, String hint) {
        return new ApiException(status, status + " " + reason, apiText, hint);
    }

    static DeploymentStatus status(String state, boolean terminal) {
        return new DeploymentStatus(state, terminal, "hosts", 3L, Map.of("succeeded", 1L), List.of());
    }
}
