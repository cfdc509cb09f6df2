package dev.fleetdeploy.core;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The report's {@code selections}: what {@code select=active} found for each target that selects, before anything was
 * done; absent from a run of ids.
 */
final class ReportSelections {
    private ReportSelections() {}

    static void put(ObjectNode root, RunReport report) {
        if (report.selections().isEmpty()) {
            return;
        }
        ArrayNode list = root.putArray("selections");
        for (RunReport.Selection selection : report.selections()) {
            ObjectNode node = list.addObject();
            FleetTarget target = selection.target();
            if (!target.targetName().isTopLevel()) {
                node.put("target", target.targetName().name());
            }
            node.put("provider", target.provider().kind().id());
            node.put("location", target.provider().location());
            node.put("select", "active");
            if (selection.found() == null) {
                node.put("result", "failed");
                continue;
            }
            node.put("result", "read");
            node.put("narrowing", selection.found().narrowing());
            ArrayNode matches = node.putArray("deployments");
            for (ActiveSelection.Match match : selection.found().matches()) {
                ObjectNode item = matches.addObject();
                item.put("deploymentId", match.part().id().value());
                if (match.part().subgroup() != null) {
                    item.put("subgroup", match.part().subgroup());
                }
                item.put("description", match.description());
            }
        }
    }
}
