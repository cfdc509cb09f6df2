package dev.fleetdeploy.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SecretMaskerTest {

    /**
     * Every registered secret is masked wherever it appears; one that contains another is masked whole; short ones
     * only where they stand alone, so that the log stays readable.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "everywhere | 0123456789abcdef, app-key-xyz"
                        + " | error: key 0123456789abcdef rejected; app-key-xyz too; 0123456789abcdef again"
                        + " | error: key **** rejected; **** too; **** again",
                "one inside another | abcd, abcdef-long | x abcdef-long y | x **** y",
                "short ones standing alone | a, pass | Datadog cancel failed: key a, password pass, passed=a1 (pass)"
                        + " | Datadog cancel failed: key ****, password ****, passed=a1 (****)",
            })
    void registeredSecretsAreMasked(String where, String secrets, String text, String masked) {
        SecretMasker masker = new SecretMasker();
        for (String secret : secrets.split(", ")) {
            masker.register(Secret.of(secret));
        }

        assertThat(masker.mask(text)).isEqualTo(masked);
    }

    @Test
    void secretNeverShowsThroughToString() {
        Secret secret = Secret.of("hunter2-hunter2");
        assertThat(secret.toString()).isEqualTo("****");
        assertThat("key=" + secret).isEqualTo("key=****");
        assertThat(secret.reveal()).isEqualTo("hunter2-hunter2");
        assertThatThrownBy(() -> Secret.of(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nothingToMaskLeavesTextAlone() {
        assertThat(new SecretMasker().mask("plain")).isEqualTo("plain");
        assertThat(new SecretMasker().mask(null)).isNull();
    }
}
