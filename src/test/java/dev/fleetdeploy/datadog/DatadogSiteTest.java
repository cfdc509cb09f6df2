package dev.fleetdeploy.datadog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class DatadogSiteTest {

    /** Every written form docs/datadog-fleet-api.md ("Sites") gives, with the API host it must lead to. */
    static Stream<Arguments> writtenForms() {
        return Stream.of(
                        forms(
                                "api.datadoghq.com",
                                "datadoghq.com",
                                "US1",
                                "us1",
                                "app.datadoghq.com",
                                "api.datadoghq.com",
                                "https://api.datadoghq.com",
                                "https://app.datadoghq.com/"),
                        forms(
                                "api.us3.datadoghq.com",
                                "us3.datadoghq.com",
                                "US3",
                                "api.us3.datadoghq.com",
                                "https://api.us3.datadoghq.com/"),
                        forms("api.us5.datadoghq.com", "us5.datadoghq.com", "US5", "api.us5.datadoghq.com"),
                        forms(
                                "api.datadoghq.eu",
                                "datadoghq.eu",
                                "EU1",
                                "eu1",
                                "app.datadoghq.eu",
                                "api.datadoghq.eu",
                                "https://api.datadoghq.eu",
                                " Datadoghq.EU "),
                        forms("api.ap1.datadoghq.com", "ap1.datadoghq.com", "AP1", "api.ap1.datadoghq.com"),
                        forms("api.ap2.datadoghq.com", "ap2.datadoghq.com", "AP2", "api.ap2.datadoghq.com"),
                        forms("api.uk1.datadoghq.com", "uk1.datadoghq.com", "UK1", "api.uk1.datadoghq.com"),
                        forms(
                                "api.ddog-gov.com",
                                "ddog-gov.com",
                                "US1-FED",
                                "us1-fed",
                                "app.ddog-gov.com",
                                "api.ddog-gov.com",
                                "https://api.ddog-gov.com"),
                        forms("api.us2.ddog-gov.com", "us2.ddog-gov.com", "US2-FED", "api.us2.ddog-gov.com"))
                .flatMap(s -> s);
    }

    private static Stream<Arguments> forms(String apiHost, String... forms) {
        return Stream.of(forms).map(form -> Arguments.of(form, apiHost));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("writtenForms")
    void everyWrittenFormLeadsToItsApiHost(String form, String apiHost) {
        assertThat(DatadogSite.parse(form))
                .get()
                .extracting(DatadogSite::apiHost)
                .isEqualTo(apiHost);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "datadoghq.xyz",
                "us4.datadoghq.com",
                "app.us3.datadoghq.com",
                "EU",
                "http://api.datadoghq.eu",
                "api.datadoghq.eu/api/v2",
                "datadoghq",
                ""
            })
    void otherValuesAreUnknown(String value) {
        assertThat(DatadogSite.parse(value)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"datadoghq.com (US1)", "us2.ddog-gov.com (US2-FED)", "datadoghq.eu (EU1)"})
    void theListOfSitesForMessagesNamesAllNine(String entry) {
        assertThat(DatadogSite.describeAll()).contains(entry);
        assertThat(DatadogSite.all()).hasSize(9);
        assertThat(List.of(DatadogSite.describeAll().split(", "))).hasSize(9);
    }
}
