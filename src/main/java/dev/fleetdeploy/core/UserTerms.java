package dev.fleetdeploy.core;

/**
 * The front end's words for what the core's messages tell its user to set, check or do. The core and the transport
 * name no setting or goal of their own accord: the front end hands these in (Maven: {@code maven.MavenTerms}).
 *
 * @param executionTimeout the limit on a whole execution ("executionTimeout")
 * @param connectTimeout the limit on connecting ("connectTimeout")
 * @param readTimeout the limit on waiting for an answer ("readTimeout")
 * @param waitTimeout the limit on waiting for a final state ("waitTimeout")
 * @param parallelism how many deployments are worked on at once ("parallelism")
 * @param apiLocation where the API's address is set ("the site or endpoint (and baseUrl)")
 * @param proxySettings where proxies are set ("the proxy settings in settings.xml")
 * @param statusCheck how to read a deployment's status ("the deployment-status goal")
 * @param runAgain how to run the same work again ("run the goal again")
 * @param bugReportLog the log a bug report needs ("the log of a -X run")
 * @param selectActive the selection of active deployments instead of ids ("select=active")
 * @param maxDeployments the bound on what a selection may act on ("maxDeployments")
 */
public record UserTerms(
        String executionTimeout,
        String connectTimeout,
        String readTimeout,
        String waitTimeout,
        String parallelism,
        String apiLocation,
        String proxySettings,
        String statusCheck,
        String runAgain,
        String bugReportLog,
        String selectActive,
        String maxDeployments) {}
