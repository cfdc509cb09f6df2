package dev.fleetdeploy.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SecretMaskerTest {

    @Test
    void everyRegisteredSecretIsMaskedWhereverItAppears() {
        SecretMasker masker = new SecretMasker();
        masker.register(Secret.of("0123456789abcdef"));
        masker.register(Secret.of("app-key-xyz"));
        assertThat(masker.mask("error: key 0123456789abcdef rejected; app-key-xyz too; 0123456789abcdef again"))
                .isEqualTo("error: key **** rejected; **** too; **** again");
    }

    @Test
    void aSecretContainingAnotherIsMaskedWhole() {
        SecretMasker masker = new SecretMasker();
        masker.register(Secret.of("abcd"));
        masker.register(Secret.of("abcdef-long"));
        assertThat(masker.mask("x abcdef-long y")).isEqualTo("x **** y");
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
    void shortSecretsAreMaskedOnlyWhereTheyStandAloneSoTheLogStaysReadable() {
        SecretMasker masker = new SecretMasker();
        masker.register(Secret.of("a"));
        masker.register(Secret.of("pass"));
        assertThat(masker.mask("Datadog cancel failed: key a, password pass, passed=a1 (pass)"))
                .isEqualTo("Datadog cancel failed: key ****, password ****, passed=a1 (****)");
    }

    @Test
    void nothingToMaskLeavesTextAlone() {
        assertThat(new SecretMasker().mask("plain")).isEqualTo("plain");
        assertThat(new SecretMasker().mask(null)).isNull();
    }
}
