package dev.fleetdeploy.testing;

/**
 * One device-class subgroup of a fake ADU deployment: the unit that GA cancels and retries, and the fake's unit of
 * state. Immutable: the fake replaces it as its state moves on. The counts are named {@code devices...} so that
 * Groovy's {@code subgroup.canceled} cannot mean both a count and {@code isCanceled()}.
 *
 * @param deviceClassId the device class, decoded
 * @param deploymentState {@code Active}, {@code Failed}, {@code Inactive}, {@code Canceled}, or any other text (the
 *     service's enums may grow)
 * @param totalDevices the devices in the subgroup, as the service reports it (not checked against the counts)
 * @param devicesInProgress devices still being updated
 * @param devicesSucceeded devices updated
 * @param devicesFailed devices whose update failed
 * @param devicesCanceled devices that will not be updated because of a cancel
 * @param isCanceled whether a cancel reached this subgroup
 * @param isRetried whether a retry reached this subgroup
 * @param errorCode the subgroup's error code (as for a {@code Failed} subgroup), or null
 * @param errorMessage the subgroup's error message, or null
 */
public record FakeSubgroup(
        String deviceClassId,
        String deploymentState,
        int totalDevices,
        int devicesInProgress,
        int devicesSucceeded,
        int devicesFailed,
        int devicesCanceled,
        boolean isCanceled,
        boolean isRetried,
        String errorCode,
        String errorMessage) {

    public FakeSubgroup {
        if (deviceClassId == null || deviceClassId.isEmpty() || deploymentState == null) {
            throw new IllegalArgumentException("a subgroup needs a device class id and a state");
        }
        if (totalDevices < 0
                || devicesInProgress < 0
                || devicesSucceeded < 0
                || devicesFailed < 0
                || devicesCanceled < 0) {
            throw new IllegalArgumentException("device counts cannot be negative: " + deviceClassId);
        }
    }

    /** What {@code FakeAdu.deployment(group, id, classes)} gives each class: active, 4 devices, one of them failed. */
    public static FakeSubgroup active(String deviceClassId) {
        return of(deviceClassId, "Active", 4, 2, 1, 1, 0);
    }

    /** A subgroup in this state with these counts; a {@code Canceled} one counts as canceled, with no flags else. */
    public static FakeSubgroup of(
            String deviceClassId,
            String deploymentState,
            int totalDevices,
            int inProgress,
            int succeeded,
            int failed,
            int canceled) {
        return new FakeSubgroup(
                deviceClassId,
                deploymentState,
                totalDevices,
                inProgress,
                succeeded,
                failed,
                canceled,
                "Canceled".equals(deploymentState),
                false,
                null,
                null);
    }

    /** A copy with the error the service shows for a failed subgroup, e.g. {@code ADMConfigurationLimitExceeded}. */
    public FakeSubgroup withError(String code, String message) {
        return new FakeSubgroup(
                deviceClassId,
                deploymentState,
                totalDevices,
                devicesInProgress,
                devicesSucceeded,
                devicesFailed,
                devicesCanceled,
                isCanceled,
                isRetried,
                code,
                message);
    }

    /** Whether the service treats it as canceled, by flag or by state. */
    public boolean canceledAlready() {
        return isCanceled || "Canceled".equals(deploymentState);
    }

    /** Cancel: the devices not yet done will not be updated; the done ones stay done. Canceling twice changes nothing. */
    FakeSubgroup afterCancel() {
        if (isCanceled) {
            return this;
        }
        return new FakeSubgroup(
                deviceClassId,
                "Canceled",
                totalDevices,
                0,
                devicesSucceeded,
                devicesFailed,
                devicesCanceled + devicesInProgress,
                true,
                isRetried,
                null,
                null);
    }

    /** Retry: the failed devices are tried again, and the subgroup is active again. The caller refuses canceled ones. */
    FakeSubgroup afterRetry() {
        return new FakeSubgroup(
                deviceClassId,
                "Active",
                totalDevices,
                devicesInProgress + devicesFailed,
                devicesSucceeded,
                0,
                devicesCanceled,
                isCanceled,
                true,
                null,
                null);
    }

    /** A status read: one more device finishes, so a polling client sees the work move on and end. */
    FakeSubgroup afterStatusRead() {
        if (devicesInProgress == 0) {
            return this;
        }
        return new FakeSubgroup(
                deviceClassId,
                deploymentState,
                totalDevices,
                devicesInProgress - 1,
                devicesSucceeded + 1,
                devicesFailed,
                devicesCanceled,
                isCanceled,
                isRetried,
                errorCode,
                errorMessage);
    }
}
