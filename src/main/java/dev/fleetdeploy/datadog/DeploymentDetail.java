package dev.fleetdeploy.datadog;

import java.util.List;
import java.util.Map;

/**
 * A v2 deployment as {@code GET /api/v2/fleet/deployments/{id}} describes it, read as a stream
 * ({@link DeploymentDetailReader}): everything but the hosts that did not fail, which are only counted. Texts are as the
 * API wrote them (a retry sends some of them back); anything shown passes through {@code WireText.clean} first.
 *
 * @param state {@code high_level_status}, else {@code status}; null when the answer has neither
 * @param counts the ready-made host counts ({@code succeeded_hosts}...) under "succeeded", "failed", "running",
 *     "canceled", "skipped", in that order, those the answer has
 * @param totalHosts {@code total_hosts}, or null
 * @param errorSummary {@code error_summary}, or null
 * @param updateType {@code update_type}, or null
 * @param query {@code query}: the host filter the deployment was created with, or null
 * @param author {@code author}, or null
 * @param configOperations {@code config_operations} as compact ASCII JSON, token for token as the API sent them;
 *     null when absent or not an array
 * @param configOperationsTooLarge whether they were longer than the reader keeps
 * @param targetVersions {@code target_versions}, in order (at most {@link DeploymentDetailReader#MAX_TARGET_VERSIONS})
 * @param hostsListed how many entries {@code hosts[]} has
 * @param failedListed how many of them have the status {@code failed}
 * @param failedHosts the first {@link DeploymentDetailReader#FAILED_HOSTS_KEPT} of those
 */
record DeploymentDetail(
        String state,
        Map<String, Long> counts,
        Long totalHosts,
        String errorSummary,
        String updateType,
        String query,
        String author,
        String configOperations,
        boolean configOperationsTooLarge,
        List<String> targetVersions,
        long hostsListed,
        long failedListed,
        List<FailedHost> failedHosts) {

    DeploymentDetail {
        counts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(counts));
        targetVersions = List.copyOf(targetVersions);
        failedHosts = List.copyOf(failedHosts);
    }

    /** {@code failed_hosts}, or null. */
    Long failedCount() {
        return counts.get("failed");
    }

    /** Whether every failed host listed was kept. */
    boolean everyFailedHostKept() {
        return failedHosts.size() == failedListed;
    }
}
