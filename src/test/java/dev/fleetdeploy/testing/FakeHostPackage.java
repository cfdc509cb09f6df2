package dev.fleetdeploy.testing;

/**
 * One package on one host of a fake deployment, as Datadog lists it under {@code hosts[].versions[]}.
 *
 * @param name {@code package_name}
 * @param currentVersion {@code current_version}
 * @param targetVersion {@code target_version}: what the deployment installs
 */
public record FakeHostPackage(String name, String currentVersion, String targetVersion) {
    /** What every fake host runs unless a test says otherwise: the Agent, 7.50.0 on its way to 7.52.0. */
    public static final FakeHostPackage AGENT = new FakeHostPackage("datadog-agent", "7.50.0", "7.52.0");

    public static FakeHostPackage of(String name, String currentVersion, String targetVersion) {
        return new FakeHostPackage(name, currentVersion, targetVersion);
    }
}
