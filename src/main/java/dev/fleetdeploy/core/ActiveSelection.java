package dev.fleetdeploy.core;

import java.util.List;

/**
 * What {@code select=active} found for one target: the active deployments that match its narrowing, read before
 * anything is done.
 *
 * @param narrowing what the selection was narrowed to, for the log and the report: "author ci-bot@example.com",
 *     "group 'TestGroup'"
 * @param matches the deployments (or, where the provider works a subgroup at a time, the parts) to act on, in the
 *     order the API listed them
 * @param attempts the requests reading them took
 */
public record ActiveSelection(String narrowing, List<Match> matches, int attempts) {

    public ActiveSelection {
        matches = List.copyOf(matches);
    }

    /**
     * One active deployment (or part of one).
     *
     * @param part what to act on
     * @param description what the API says of it, fit for a log line: "running, query 'env:prod', started
     *     2026-11-21T10:00:00Z"
     */
    public record Match(DeploymentPart part, String description) {}

    /** The distinct deployments, in order. */
    public List<DeploymentId> ids() {
        return matches.stream().map(m -> m.part().id()).distinct().toList();
    }
}
