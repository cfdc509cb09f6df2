package dev.fleetdeploy.testing;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.fleetdeploy.core.OperationFailure;
import dev.fleetdeploy.entra.TokenSource;

/** The failure a token source gives instead of a token. */
public final class NoToken {
    private NoToken() {}

    /** Fails the test when {@code tokens} gives a token, or throws anything but an {@link OperationFailure}. */
    public static OperationFailure from(TokenSource tokens) {
        return assertThatExceptionOfType(OperationFailure.class)
                .isThrownBy(tokens::token)
                .actual();
    }
}
