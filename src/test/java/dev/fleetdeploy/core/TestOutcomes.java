package dev.fleetdeploy.core;

import java.util.Arrays;

/** Targets and outcomes of whole deployments, for the tests of what a report and a job summary show. */
final class TestOutcomes {
    private TestOutcomes() {}

    /** A target of a scripted Datadog provider, with these ids. */
    static FleetTarget target(TargetName name, String... ids) {
        return new FleetTarget(
                name,
                new ScriptedProvider(),
                Arrays.stream(ids).map(DeploymentId::new).toList());
    }

    static DeploymentOutcome.Succeeded succeeded(
            FleetTarget target, String id, ActionResult action, DeploymentStatus status) {
        return new DeploymentOutcome.Succeeded(target, DeploymentPart.whole(new DeploymentId(id)), action, status);
    }

    /** A cancel the API refused: its status and words, the hint, and the start of the sentence the user reads. */
    static DeploymentOutcome.Failed refusedCancel(
            FleetTarget target, String id, int httpStatus, String problem, String hint) {
        return new DeploymentOutcome.Failed(
                target,
                DeploymentPart.whole(new DeploymentId(id)),
                httpStatus,
                problem,
                hint,
                "Datadog cancel of deployment '" + id + "' failed: ...");
    }
}
