package dev.fleetdeploy.datadog;

import java.util.List;

/**
 * A host on which a deployment failed ({@code hosts[]} with status {@code failed}).
 *
 * @param hostname the host's name, exactly as the API wrote it (a retry aims at it); made safe before it is shown
 * @param error why it failed, already fit for a log line ({@code WireText.clean}), or null
 * @param packages the packages the deployment targeted on it (with a name and a target version)
 */
record FailedHost(String hostname, String error, List<HostPackage> packages) {}
