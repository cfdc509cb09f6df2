package dev.fleetdeploy.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetdeploy.core.OperationFailure;

/** What a user reads of a failure: what went wrong (its detail), and what to check next (its hint). */
public final class FailureText {
    private FailureText() {}

    public static void assertReads(OperationFailure failure, String detail, String hint) {
        assertThat(failure.detail()).as("detail").isEqualTo(detail);
        assertThat(failure.hint()).as("hint").isEqualTo(hint);
    }
}
