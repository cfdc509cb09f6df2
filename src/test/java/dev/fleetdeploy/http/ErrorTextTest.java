package dev.fleetdeploy.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every error body shape seen from Datadog and Azure, and from the proxies in front of them. */
class ErrorTextTest {

    /** Each JSON shape, with the content type it came with, and the text the plugin makes of it. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "the spec's list of strings | {\"errors\":[\"Bad Request\"]} | application/json | Bad Request",
                "several strings | {\"errors\":[\"a\",\"b\"]} | application/json | a; b",
                "JSON:API object items"
                        + " | {\"errors\":[{\"status\":\"400\",\"title\":\"Bad Request\",\"detail\":\"deployment is not in a cancelable state\"}]}"
                        + " | application/vnd.api+json | Bad Request: deployment is not in a cancelable state",
                "status, code and errors together"
                        + " | {\"status\":\"error\",\"code\":403,\"errors\":[\"Forbidden\"],\"statuspage\":\"http://status.datadoghq.com\"}"
                        + " | application/json | Forbidden",
                "an error object without errors"
                        + " | {\"error\":{\"message\":\"Deployment not found\",\"code\":\"NotFound\"}}"
                        + " | application/json | Deployment not found (NotFound)",
                "Azure's error with its inner error"
                        + " | {\"error\":{\"code\":\"BadArgument\",\"message\":\"Invalid deployment\",\"innererror\":{\"code\":\"InvalidId\",\"message\":\"id too long\"}}}"
                        + " | application/json | Invalid deployment (BadArgument): id too long (InvalidId)",
                "problem details"
                        + " | {\"type\":\"https://tools.ietf.org/html/rfc7231#section-6.5.4\",\"title\":\"Not Found\",\"status\":404,\"traceId\":\"00-ab-00\"}"
                        + " | application/problem+json | Not Found",
                "a plain message | {\"message\":\"Forbidden\"} | application/json | Forbidden",
                "an error string | {\"error\":\"invalid_client\"} | application/json | invalid_client",
                "broken JSON, shown as text | {\"errors\":[ | application/json | {\"errors\":[",
            })
    void eachBodyShapeGivesItsText(String shape, String body, String contentType, String text) {
        assertThat(ErrorText.of(body, contentType)).isEqualTo(text);
    }

    @Test
    void htmlPageFromAProxyIsReducedToItsTitle() {
        String page =
                "<html>\n<head><title>502 Bad Gateway</title></head>\n<body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>";
        assertThat(ErrorText.of(page, "text/html")).isEqualTo("an HTML page: 502 Bad Gateway");
        assertThat(ErrorText.of("<!DOCTYPE html><html><body><h1>Access denied</h1></body></html>", ""))
                .isEqualTo("an HTML page: Access denied");
    }

    @Test
    void emptyBodySaysNothing() {
        assertThat(ErrorText.of("", "")).isEmpty();
        assertThat(ErrorText.of("  \n", "application/json")).isEmpty();
    }

    @Test
    void plainTextIsKeptOnOneShortLine() {
        assertThat(ErrorText.of("upstream connect error\nor disconnect/reset before headers", "text/plain"))
                .isEqualTo("upstream connect error or disconnect/reset before headers");
        assertThat(ErrorText.of("x".repeat(2000), "text/plain")).hasSize(ErrorText.MAX_LENGTH);
    }
}
