package dev.fleetdeploy.datadog;

import dev.fleetdeploy.core.ActiveSelection;
import dev.fleetdeploy.core.ConfigurationException;
import dev.fleetdeploy.core.DeploymentId;
import dev.fleetdeploy.core.DeploymentPart;
import dev.fleetdeploy.core.Operation;
import dev.fleetdeploy.core.OperationFailure;
import dev.fleetdeploy.core.Refusal;
import dev.fleetdeploy.core.WireText;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What {@code select=active} finds on Datadog: the deployments the v2 list shows pending or running, narrowed by
 * {@code author} and/or {@code hostQuery}. Every page is read (docs/datadog-fleet-api.md, "List deployments"), so that
 * none is missed; a list longer than the plugin reads refuses the selection.
 */
final class ActiveList {
    private ActiveList() {}

    /** @param selection the narrowing: author and/or host query */
    static ActiveSelection select(DatadogProvider provider, DatadogSelection selection, Operation operation)
            throws OperationFailure {
        if (selection == null) {
            throw new IllegalStateException("DatadogConfig makes no selection without select=active");
        }
        DeploymentLister.Listing listing = DeploymentLister.list(provider::page, selection::matches, null);
        if (!listing.complete()) {
            throw new Refusal(
                            "the list of deployments is longer than the "
                                    + DeploymentLister.MAX_PAGES * DeploymentLister.PAGE_SIZE
                                    + " the plugin reads, so it cannot tell which are active, and nothing was "
                                    + operation.done(),
                            "Give the deployments' ids instead of select=active.")
                    .withAttempts(listing.attempts());
        }
        List<ActiveSelection.Match> matches = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ListedDeployment item : listing.kept()) {
            if (item.id() == null || !seen.add(item.id())) {
                continue;
            }
            DeploymentId id;
            try {
                id = DeploymentId.fromApi(item.id(), "the list of deployments");
            } catch (ConfigurationException e) {
                throw new Refusal(
                                "the list names an active deployment '" + WireText.clean(item.id())
                                        + "' that cannot be sent as an id, so nothing was " + operation.done(),
                                "Check the baseUrl and any proxy in between.")
                        .withAttempts(listing.attempts());
            }
            matches.add(new ActiveSelection.Match(DeploymentPart.whole(id), describe(item)));
        }
        return new ActiveSelection(selection.describe(), matches, listing.attempts());
    }

    /** "running, by ci-bot@example.com, query 'env:prod', started 2026-11-21T10:00:00Z", fit for a log line. */
    private static String describe(ListedDeployment item) {
        List<String> parts = new ArrayList<>();
        parts.add(item.status() == null ? "state unknown" : WireText.clean(item.status()));
        if (item.author() != null) {
            parts.add("by " + WireText.clean(item.author()));
        }
        if (item.query() != null) {
            parts.add("query '" + WireText.clean(item.query()) + "'");
        }
        if (item.startedAt() != null) {
            parts.add("started " + java.time.Instant.ofEpochSecond(item.startedAt()));
        }
        return String.join(", ", parts);
    }
}
