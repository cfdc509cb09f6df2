package dev.fleetdeploy.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetdeploy.core.ConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApiBaseUrlTest {
    private static final String ORIGIN = "baseUrl (-Dfleet.baseUrl)";

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://dd-gateway.example.com",
                "https://dd-gateway.example.com:8443/",
                "http://localhost:8080",
                "http://127.0.0.1:1234",
                "http://127.10.0.1",
                "http://[::1]:9000"
            })
    void acceptsHostAndPortOnly(String value) {
        assertThat(ApiBaseUrl.parse(value, ORIGIN).encodedPath()).isEqualTo("/");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://example.com", "http://10.0.0.5:8080", "http://127.0.0.1.nip.io"})
    void refusesPlainHttpToAnotherMachine(String value) {
        assertThatThrownBy(() -> ApiBaseUrl.parse(value, ORIGIN))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage(ORIGIN + " '" + value + "' uses plain http to a host that is not this machine: use https"
                        + " (plain http is allowed only to localhost, 127.0.0.1 or [::1]).");
    }

    @Test
    void refusesPathsQueriesAndCredentials() {
        assertThatThrownBy(() -> ApiBaseUrl.parse("https://gw.example.com/api/v2", ORIGIN))
                .hasMessageContaining("has a path");
        assertThatThrownBy(() -> ApiBaseUrl.parse("https://gw.example.com/?x=1", ORIGIN))
                .hasMessageContaining("has a path, query");
        assertThatThrownBy(() -> ApiBaseUrl.parse("https://user:pw@gw.example.com", ORIGIN))
                .hasMessageStartingWith(ORIGIN + " must not hold credentials")
                .hasMessageNotContaining("pw@");
    }

    @Test
    void refusesWhatIsNotAUrl() {
        assertThatThrownBy(() -> ApiBaseUrl.parse("localhost:8080", ORIGIN))
                .hasMessage(ORIGIN + " 'localhost:8080' is not a URL: write it as https://host or https://host:port.");
        assertThatThrownBy(() -> ApiBaseUrl.parse("ftp://x", ORIGIN)).isInstanceOf(ConfigurationException.class);
    }
}
