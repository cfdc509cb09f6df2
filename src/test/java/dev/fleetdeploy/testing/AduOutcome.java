package dev.fleetdeploy.testing;

/** What the fake ADU's state made of a request, for the dispatcher to put into the API generation's words. */
sealed interface AduOutcome {

    /** Found, and changed as the operation asks: the deployment as it is now. */
    record Done(FakeAduDeployment deployment) implements AduOutcome {}

    /**
     * Something the path names does not exist.
     *
     * @param what {@code Instance}, {@code Group}, {@code DeviceClassSubgroup} or {@code Deployment}
     * @param name the missing one's id, decoded
     */
    record Missing(String what, String name) implements AduOutcome {}

    /** The deployment exists but refuses the operation (a retry of a canceled one), as a 409. */
    record Conflict(String code, String message) implements AduOutcome {}
}
