package dev.fleetdeploy.datadog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetdeploy.core.ConfigurationException;
import dev.fleetdeploy.core.Environment;
import dev.fleetdeploy.core.Operation;
import dev.fleetdeploy.core.Secret;
import dev.fleetdeploy.core.SecretMasker;
import dev.fleetdeploy.core.ServerCredentials;
import dev.fleetdeploy.core.ServerLookup;
import dev.fleetdeploy.providers.TargetSettings;
import dev.fleetdeploy.testing.TestIds;
import dev.fleetdeploy.testing.TestTargets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DatadogConfigTest {
    private static final Function<String, String> NAMING = p -> p + " (-Dfleet." + p + ")";
    private static final ServerLookup DD_SERVER = id -> id.equals("dd-prod")
            ? Optional.of(new ServerCredentials("dd-prod", "server-api-key", Secret.of("server-app-key")))
            : Optional.empty();

    private final Map<String, String> parameters = new HashMap<>();
    private final Map<String, String> environment = new HashMap<>();
    private final SecretMasker masker = new SecretMasker();

    private DatadogConfig resolve() {
        return resolve(DD_SERVER);
    }

    private DatadogConfig resolve(ServerLookup servers) {
        TargetSettings target = TestTargets.of(null, parameters, TestIds.NONE, NAMING);
        return DatadogConfig.resolve(
                target.common(), target.datadog(), Operation.CANCEL, Environment.of(environment), servers, masker);
    }

    private void keysInEnvironment() {
        environment.put("DD_API_KEY", "env-api-key");
        environment.put("DD_APP_KEY", "env-app-key");
    }

    @Test
    void defaultsToDatadoghqComAndApiV2() {
        keysInEnvironment();
        DatadogConfig config = resolve();
        assertThat(config.site()).isEqualTo(DatadogSite.US1);
        assertThat(config.baseUrl()).hasToString("https://api.datadoghq.com/");
        assertThat(config.api()).isEqualTo(DatadogApi.V2);
        assertThat(config.baseUrlOverridden()).isFalse();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("dev.fleetdeploy.datadog.DatadogSiteTest#writtenForms")
    void everySiteFormSendsToItsApiHostOverHttps(String form, String apiHost) {
        keysInEnvironment();
        parameters.put("site", form);
        assertThat(resolve().baseUrl()).hasToString("https://" + apiHost + "/");
    }

    @Test
    void siteParameterBeatsDdSiteWhichBeatsTheDefault() {
        keysInEnvironment();
        environment.put("DD_SITE", "datadoghq.eu");
        assertThat(resolve().site()).isEqualTo(DatadogSite.EU1);
        parameters.put("site", "AP1");
        assertThat(resolve().site()).isEqualTo(DatadogSite.AP1);
    }

    @Test
    void unknownSiteNamesTheValueWhereItCameFromAndEverySite() {
        keysInEnvironment();
        environment.put("DD_SITE", "datadoghq.xyz");
        assertThatThrownBy(this::resolve)
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("Unknown Datadog site 'datadoghq.xyz' in the DD_SITE environment variable: use one of "
                        + "datadoghq.com (US1), us3.datadoghq.com (US3), us5.datadoghq.com (US5), datadoghq.eu (EU1), "
                        + "ap1.datadoghq.com (AP1), ap2.datadoghq.com (AP2), uk1.datadoghq.com (UK1), ddog-gov.com (US1-FED), "
                        + "us2.ddog-gov.com (US2-FED).");
    }

    @Test
    void keysComeFromParameterThenServerThenEnvironment() {
        keysInEnvironment();
        assertThat(resolve().apiKey().reveal()).isEqualTo("env-api-key");

        parameters.put("serverId", "dd-prod");
        assertKeys("server-api-key", "server-app-key");

        parameters.put("apiKey", "param-api-key");
        parameters.put("applicationKey", "param-app-key");
        assertKeys("param-api-key", "param-app-key");
    }

    @Test
    void eachKeyIsLookedUpOnItsOwn() {
        parameters.put("apiKey", "param-api-key");
        environment.put("DD_APP_KEY", "env-app-key");
        assertKeys("param-api-key", "env-app-key");
    }

    private void assertKeys(String apiKey, String applicationKey) {
        DatadogConfig config = resolve();
        assertThat(config.apiKey().reveal()).as("API key").isEqualTo(apiKey);
        assertThat(config.applicationKey().reveal()).as("application key").isEqualTo(applicationKey);
    }

    @Test
    void missingKeyNamesEveryPlaceLookedAt() {
        environment.put("DD_APP_KEY", "env-app-key");
        parameters.put("serverId", "dd-prod-without-username");
        ServerLookup serverWithoutUsername = id -> Optional.of(new ServerCredentials(id, null, Secret.of("p4ss-word")));
        assertThatThrownBy(() -> resolve(serverWithoutUsername))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("No Datadog API key found: set apiKey (-Dfleet.apiKey), the <username> of server"
                        + " 'dd-prod-without-username' in settings.xml or the DD_API_KEY environment variable.");
    }

    @Test
    void bothKeysMissingAreReportedTogetherWithTheMisnamedVariablePointedOut() {
        environment.put("DD_APPLICATION_KEY", "set-under-the-wrong-name");
        assertThatThrownBy(this::resolve)
                .hasMessage(
                        "No Datadog API key found (set apiKey (-Dfleet.apiKey), the <username> of a settings.xml server named"
                                + " by serverId (-Dfleet.serverId) or the DD_API_KEY environment variable) and no application key"
                                + " (set applicationKey (-Dfleet.applicationKey), the <password> of a settings.xml server named by"
                                + " serverId (-Dfleet.serverId) or the DD_APP_KEY environment variable)"
                                + " (DD_APPLICATION_KEY is set, but Datadog's clients and this plugin read DD_APP_KEY).")
                .hasMessageNotContaining("set-under-the-wrong-name");
    }

    @Test
    void unknownServerIdIsAConfigurationMistake() {
        parameters.put("serverId", "dd-typo");
        assertThatThrownBy(this::resolve)
                .hasMessage("serverId (-Dfleet.serverId) is 'dd-typo', but settings.xml has no <server> with that id:"
                        + " add one (<username> the API key, <password> the application key) or correct the id.");
    }

    @Test
    void keyThatCannotTravelInAHeaderIsRefusedWithoutQuotingIt() {
        parameters.put("apiKey", "abc def-0123456789");
        environment.put("DD_APP_KEY", "env-app-key");
        assertThatThrownBy(this::resolve)
                .hasMessage(
                        "The Datadog API key from apiKey (-Dfleet.apiKey) contains a space, line break or other character"
                                + " that cannot be sent in an HTTP header: copy the key again.");
    }

    @Test
    void keysAreRegisteredForMasking() {
        keysInEnvironment();
        resolve();
        assertThat(masker.mask("env-api-key / env-app-key")).isEqualTo("**** / ****");
    }

    @Test
    void apiGenerationAndBaseUrlOverride() {
        keysInEnvironment();
        parameters.put("datadogApi", "UNSTABLE");
        parameters.put("baseUrl", "http://127.0.0.1:9999");
        DatadogConfig config = resolve();
        assertThat(config.api()).isEqualTo(DatadogApi.UNSTABLE);
        assertThat(config.baseUrl()).hasToString("http://127.0.0.1:9999/");
        assertThat(config.baseUrlOverridden()).isTrue();

        parameters.put("datadogApi", "v1");
        assertThatThrownBy(this::resolve)
                .hasMessage("Unknown Datadog API generation 'v1' in datadogApi (-Dfleet.datadogApi):"
                        + " use v2 (current) or unstable (the Preview endpoints).");
    }

    @Test
    void toStringShowsNoKey() {
        keysInEnvironment();
        assertThat(resolve().toString()).doesNotContain("env-api-key").doesNotContain("env-app-key");
    }
}
