package dev.fleetdeploy.maven;

import dev.fleetdeploy.core.Operation;
import dev.fleetdeploy.core.UserTerms;

/** What the core's messages call the goals' parameters, settings.xml, the status goal and a debug run. */
public final class MavenTerms {
    public static final UserTerms TERMS = new UserTerms(
            "executionTimeout",
            "connectTimeout",
            "readTimeout",
            "waitTimeout",
            "parallelism",
            "the site or endpoint (and baseUrl)",
            "the proxy settings in settings.xml",
            "the " + Operation.STATUS.goal() + " goal",
            "run the goal again",
            "the log of a -X run",
            "select=active",
            "maxDeployments");

    private MavenTerms() {}
}
