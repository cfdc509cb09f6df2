package dev.fleetdeploy.datadog;

/**
 * One package on one host of a deployment ({@code hosts[].versions[]}), as Datadog reports it.
 *
 * @param name {@code package_name}, e.g. "datadog-agent"
 * @param targetVersion {@code target_version}: what the deployment installs
 * @param currentVersion {@code current_version}: what the host runs now, or null
 */
record HostPackage(String name, String targetVersion, String currentVersion) {

    /** "datadog-agent@7.52.0", as {@code targetPackages} writes it. */
    String target() {
        return name + "@" + targetVersion;
    }
}
