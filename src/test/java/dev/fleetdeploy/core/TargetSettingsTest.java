package dev.fleetdeploy.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TargetSettingsTest {
    private final ParameterNaming naming = p -> p + " (-Dfleet." + p + ")";

    @Test
    void valuesAreTrimmedAndBlankMeansUnset() {
        TargetSettings settings =
                new TargetSettings(null, Map.of("site", "  EU1 ", "baseUrl", " "), DeploymentIdSources.NONE, naming);
        assertThat(settings.value("site")).contains("EU1");
        assertThat(settings.value("baseUrl")).isEmpty();
        assertThat(settings.value("serverId")).isEmpty();
    }

    @Test
    void unresolvedMavenExpressionIsRefusedBeforeItIsSent() {
        // What Maven leaves in the POM when DD_API_KEY is not set: sending it would earn a puzzling 403.
        TargetSettings settings =
                new TargetSettings(null, Map.of("apiKey", "${env.DD_API_KEY}"), DeploymentIdSources.NONE, naming);
        assertThatThrownBy(() -> settings.value("apiKey"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("apiKey (-Dfleet.apiKey) is '${env.DD_API_KEY}', an expression that was not resolved:"
                        + " set the variable or property it names, or remove the parameter.");
    }

    @Test
    void toStringNamesParametersButNoValue() {
        TargetSettings settings =
                new TargetSettings("targets[1]", Map.of("apiKey", "k-123456"), DeploymentIdSources.NONE, naming);
        assertThat(settings.toString()).contains("apiKey").doesNotContain("k-123456");
    }
}
