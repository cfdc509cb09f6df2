package dev.fleetdeploy.datadog;

/**
 * One deployment as {@code GET /api/v2/fleet/deployments} lists it ({@code FleetDeploymentV2}): what
 * {@code select=active} and a retry's check need. Texts are as the API wrote them.
 *
 * @param id {@code data[].id}
 * @param status {@code status}: pending, running, completed... or null
 * @param author {@code author}, or null
 * @param query {@code query}: its host filter, or null
 * @param updateType {@code update_type}, or null
 * @param startedAt {@code started_at}, Unix seconds, or null
 */
record ListedDeployment(String id, String status, String author, String query, String updateType, Long startedAt) {

    /** Still going: {@code pending} or {@code running}, the states a cancel accepts. */
    boolean active() {
        return status != null && (status.equalsIgnoreCase("pending") || status.equalsIgnoreCase("running"));
    }
}
