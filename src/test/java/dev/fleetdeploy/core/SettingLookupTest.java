package dev.fleetdeploy.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class SettingLookupTest {

    @Test
    void firstPlaceWithAValueWinsAndLaterPlacesAreNotRead() {
        AtomicBoolean environmentRead = new AtomicBoolean();
        SettingLookup.Found found = SettingLookup.of("Datadog API key")
                .then("apiKey", Optional::empty)
                .then("server 'dd'", () -> Optional.of("  from-server  "))
                .then("DD_API_KEY", () -> {
                    environmentRead.set(true);
                    return Optional.of("from-env");
                })
                .require();
        assertThat(found.value()).isEqualTo("from-server");
        assertThat(found.origin()).isEqualTo("server 'dd'");
        assertThat(environmentRead).isFalse();
    }

    @Test
    void blankValuesCountAsUnset() {
        assertThat(SettingLookup.of("x")
                        .then("a", () -> Optional.of("   "))
                        .then("b", () -> Optional.of("v"))
                        .require()
                        .origin())
                .isEqualTo("b");
    }

    @Test
    void missingValueNamesEveryPlaceInOrder() {
        assertThatThrownBy(() -> SettingLookup.of("Datadog API key")
                        .then("apiKey (-Dfleet.apiKey)", Optional::empty)
                        .then("the <username> of server 'dd' in settings.xml", Optional::empty)
                        .then("the DD_API_KEY environment variable", Optional::empty)
                        .require())
                .isInstanceOf(ConfigurationException.class)
                .hasMessage(
                        "No Datadog API key found: set apiKey (-Dfleet.apiKey), the <username> of server 'dd' in settings.xml"
                                + " or the DD_API_KEY environment variable.");
    }

    @Test
    void foundValueIsNotShownByToString() {
        assertThat(SettingLookup.of("key")
                        .then("p", () -> Optional.of("s3cr3t-value"))
                        .require()
                        .toString())
                .doesNotContain("s3cr3t-value");
    }
}
