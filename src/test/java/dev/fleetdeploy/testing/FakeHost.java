package dev.fleetdeploy.testing;

/**
 * One host of a fake deployment, as Datadog lists it under {@code hosts[]}.
 *
 * @param hostname the host's name
 * @param status {@code pending}, {@code running}, {@code succeeded}, {@code failed}, {@code canceled}...
 * @param error why it failed, or null
 */
public record FakeHost(String hostname, String status, String error) {

    public static FakeHost of(String hostname, String status) {
        return new FakeHost(hostname, status, null);
    }

    public static FakeHost failed(String hostname, String error) {
        return new FakeHost(hostname, "failed", error);
    }

    /** What cancel does to a host: work not yet done stops, work done stays done. */
    FakeHost afterCancel() {
        return status.equals("pending") || status.equals("running") ? new FakeHost(hostname, "canceled", null) : this;
    }
}
