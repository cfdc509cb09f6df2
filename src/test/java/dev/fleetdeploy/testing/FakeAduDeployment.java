package dev.fleetdeploy.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A deployment as the fake ADU holds it: one update for one device group, split by the service into device-class
 * subgroups. Immutable: the fake replaces it as its state moves on.
 *
 * @param id the deployment id, decoded
 * @param groupId the device group, decoded
 * @param subgroups the device-class subgroups, in the order the service lists them
 * @param startDateTime the start time exactly as the service writes it (it mixes ISO-8601 forms)
 * @param updateId the update it installs
 */
public record FakeAduDeployment(
        String id, String groupId, List<FakeSubgroup> subgroups, String startDateTime, AduUpdateId updateId) {

    public FakeAduDeployment {
        if (id == null || id.isEmpty() || groupId == null || groupId.isEmpty()) {
            throw new IllegalArgumentException("a deployment needs an id and a group");
        }
        subgroups = List.copyOf(subgroups);
        if (subgroups.stream().map(FakeSubgroup::deviceClassId).distinct().count() != subgroups.size()) {
            throw new IllegalArgumentException("deployment " + id + " lists a device class twice");
        }
    }

    /** Each device class becomes an active subgroup as {@link FakeSubgroup#active(String)} makes it. */
    public static FakeAduDeployment of(String groupId, String id, List<String> deviceClassIds, String startDateTime) {
        return new FakeAduDeployment(
                id,
                groupId,
                deviceClassIds.stream().map(FakeSubgroup::active).toList(),
                startDateTime,
                AduUpdateId.EXAMPLE);
    }

    /** A copy with this start time, written exactly so: a test of one timestamp form picks it. */
    public FakeAduDeployment withStartDateTime(String value) {
        return new FakeAduDeployment(id, groupId, subgroups, value, updateId);
    }

    /** A copy that installs another update, for a plugin log that names it. */
    public FakeAduDeployment withUpdate(String provider, String name, String version) {
        return new FakeAduDeployment(id, groupId, subgroups, startDateTime, new AduUpdateId(provider, name, version));
    }

    /** A copy with this subgroup replaced, or added at the end when the deployment did not have its class yet. */
    public FakeAduDeployment withSubgroup(FakeSubgroup subgroup) {
        List<FakeSubgroup> changed = new ArrayList<>(subgroups);
        int at = indexOf(subgroup.deviceClassId());
        if (at < 0) {
            changed.add(subgroup);
        } else {
            changed.set(at, subgroup);
        }
        return new FakeAduDeployment(id, groupId, changed, startDateTime, updateId);
    }

    /** The subgroup of this device class, if the deployment has one. */
    public Optional<FakeSubgroup> subgroup(String deviceClassId) {
        int at = indexOf(deviceClassId);
        return at < 0 ? Optional.empty() : Optional.of(subgroups.get(at));
    }

    /** The device classes in order, as GA lists them in {@code deviceClassSubgroups}. */
    public List<String> deviceClassIds() {
        return subgroups.stream().map(FakeSubgroup::deviceClassId).toList();
    }

    /** Canceled as a whole only when every subgroup is: GA cancels one subgroup at a time. */
    public boolean isCanceled() {
        return !subgroups.isEmpty() && subgroups.stream().allMatch(FakeSubgroup::isCanceled);
    }

    /** Retried when a retry reached any subgroup. */
    public boolean isRetried() {
        return subgroups.stream().anyMatch(FakeSubgroup::isRetried);
    }

    /** v2's {@code isCompleted}: no device left to update, and not stopped by a cancel. */
    public boolean isCompleted() {
        return !subgroups.isEmpty()
                && devicesInProgress() == 0
                && subgroups.stream().noneMatch(FakeSubgroup::isCanceled);
    }

    /**
     * The group's state from its subgroups' ({@code DeploymentState} in the spec): canceled when all are, active
     * while any is (with failures when any subgroup failed or has failed devices), else failed or inactive.
     */
    public String deploymentState() {
        if (subgroups.isEmpty()) {
            return "Active";
        }
        if (subgroups.stream().allMatch(s -> "Canceled".equals(s.deploymentState()))) {
            return "Canceled";
        }
        boolean anyActive = subgroups.stream().anyMatch(s -> "Active".equals(s.deploymentState()));
        boolean anyFailure =
                subgroups.stream().anyMatch(s -> "Failed".equals(s.deploymentState()) || s.devicesFailed() > 0);
        if (anyActive) {
            return anyFailure ? "ActiveWithSubgroupFailures" : "Active";
        }
        if (subgroups.stream().anyMatch(s -> "Failed".equals(s.deploymentState()))) {
            return "Failed";
        }
        if (subgroups.stream().anyMatch(s -> "Inactive".equals(s.deploymentState()))) {
            return "Inactive";
        }
        return subgroups.get(0).deploymentState();
    }

    /** The counts over all subgroups, as v2 and preview status report them. */
    public int totalDevices() {
        return subgroups.stream().mapToInt(FakeSubgroup::totalDevices).sum();
    }

    public int devicesInProgress() {
        return subgroups.stream().mapToInt(FakeSubgroup::devicesInProgress).sum();
    }

    public int devicesSucceeded() {
        return subgroups.stream().mapToInt(FakeSubgroup::devicesSucceeded).sum();
    }

    public int devicesFailed() {
        return subgroups.stream().mapToInt(FakeSubgroup::devicesFailed).sum();
    }

    public int devicesCanceled() {
        return subgroups.stream().mapToInt(FakeSubgroup::devicesCanceled).sum();
    }

    /** A copy with {@code change} applied to one subgroup, or to all of them when {@code deviceClassId} is null. */
    FakeAduDeployment changing(String deviceClassId, UnaryOperator<FakeSubgroup> change) {
        List<FakeSubgroup> changed = subgroups.stream()
                .map(s -> deviceClassId == null || s.deviceClassId().equals(deviceClassId) ? change.apply(s) : s)
                .toList();
        return new FakeAduDeployment(id, groupId, changed, startDateTime, updateId);
    }

    private int indexOf(String deviceClassId) {
        for (int i = 0; i < subgroups.size(); i++) {
            if (subgroups.get(i).deviceClassId().equals(deviceClassId)) {
                return i;
            }
        }
        return -1;
    }
}
