package dev.fleetdeploy.datadog;

import dev.fleetdeploy.core.Quoted;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code select=active} narrows Datadog's active deployments to: those by this {@code author} and/or with this
 * host {@code query}. The author is compared without regard to case (an e-mail address or a handle), the query
 * exactly.
 *
 * @param author the deployment's {@code author}, or null
 * @param hostQuery the deployment's {@code query}, or null
 */
record DatadogSelection(String author, String hostQuery) {

    boolean isEmpty() {
        return author == null && hostQuery == null;
    }

    boolean matches(ListedDeployment deployment) {
        return deployment.active()
                && (author == null || author.equalsIgnoreCase(deployment.author()))
                && (hostQuery == null || hostQuery.equals(deployment.query()));
    }

    /** "author ci-bot@example.com and host query 'env:prod'", or "no narrowing". */
    String describe() {
        List<String> parts = new ArrayList<>();
        if (author != null) {
            parts.add("author " + Quoted.of(author));
        }
        if (hostQuery != null) {
            parts.add("host query '" + Quoted.of(hostQuery) + "'");
        }
        return parts.isEmpty() ? "no narrowing" : String.join(" and ", parts);
    }
}
