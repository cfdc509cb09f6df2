package dev.fleetdeploy.testing;

import java.util.List;

/**
 * One host of a fake deployment, as Datadog lists it under {@code hosts[]}.
 *
 * @param hostname the host's name
 * @param status {@code pending}, {@code running}, {@code succeeded}, {@code failed}, {@code canceled}...
 * @param error why it failed, or null
 * @param packages its {@code versions[]}
 */
public record FakeHost(String hostname, String status, String error, List<FakeHostPackage> packages) {

    public FakeHost {
        packages = List.copyOf(packages);
    }

    /** A host with the Agent on its way from 7.50.0 to 7.52.0. */
    public FakeHost(String hostname, String status, String error) {
        this(hostname, status, error, List.of(FakeHostPackage.AGENT));
    }

    public static FakeHost of(String hostname, String status) {
        return new FakeHost(hostname, status, null);
    }

    public static FakeHost failed(String hostname, String error) {
        return new FakeHost(hostname, "failed", error);
    }

    /** A copy that lists these packages instead. */
    public FakeHost withPackages(FakeHostPackage... packages) {
        return new FakeHost(hostname, status, error, List.of(packages));
    }

    /** What cancel does to a host: work not yet done stops, work done stays done. */
    FakeHost afterCancel() {
        return status.equals("pending") || status.equals("running")
                ? new FakeHost(hostname, "canceled", null, packages)
                : this;
    }
}
