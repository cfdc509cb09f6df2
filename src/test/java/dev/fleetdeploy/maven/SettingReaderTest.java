package dev.fleetdeploy.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetdeploy.core.ConfigurationException;
import dev.fleetdeploy.core.Secret;
import dev.fleetdeploy.core.Setting;
import org.junit.jupiter.api.Test;

class SettingReaderTest {
    private final SettingReader read = new SettingReader(ParameterNames.TOP_LEVEL);

    @Test
    void valuesAreTrimmedAndBlankMeansUnset() {
        assertThat(read.text("site", "  EU1 ").optional()).contains("EU1");
        assertThat(read.text("baseUrl", " ").optional()).isEmpty();
        assertThat(read.text("serverId", null).optional()).isEmpty();
        assertThat(read.text("site", "EU1").name()).isEqualTo("site (-Dfleet.site)");
    }

    @Test
    void unresolvedMavenExpressionIsRefusedBeforeItIsSent() {
        // What Maven leaves in the POM when DD_API_KEY is not set: sending it would earn a puzzling 403.
        Setting<Secret> apiKey = read.secret("apiKey", new SecretParameter("${env.DD_API_KEY}"));
        assertThatThrownBy(apiKey::value)
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("apiKey (-Dfleet.apiKey) is '${env.DD_API_KEY}', an expression that was not resolved:"
                        + " set the variable or property it names, or remove the parameter.");
    }

    @Test
    void aRefusedValueThatIsNeverReadRefusesNothing() {
        // A Datadog target's unused clientSecret expression must not stop it.
        Setting<Secret> unused = read.secret("clientSecret", new SecretParameter("${env.AZURE_CLIENT_SECRET}"));
        assertThat(unused.name()).isEqualTo("clientSecret (-Dfleet.clientSecret)");
    }

    @Test
    void toStringNamesTheParameterButNoValue() {
        Setting<Secret> apiKey = read.secret("apiKey", new SecretParameter("k-123456"));
        assertThat(apiKey.toString()).contains("apiKey").doesNotContain("k-123456");
        assertThat(apiKey.value().reveal()).isEqualTo("k-123456");
    }
}
