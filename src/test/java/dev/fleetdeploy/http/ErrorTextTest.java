package dev.fleetdeploy.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Every error body shape seen from Datadog and Azure, and from the proxies in front of them. */
class ErrorTextTest {

    @Test
    void specShapeListOfStrings() {
        assertThat(ErrorText.of("{\"errors\":[\"Bad Request\"]}", "application/json"))
                .isEqualTo("Bad Request");
        assertThat(ErrorText.of("{\"errors\":[\"a\",\"b\"]}", "application/json"))
                .isEqualTo("a; b");
    }

    @Test
    void jsonApiObjectItems() {
        assertThat(ErrorText.of(
                        "{\"errors\":[{\"status\":\"400\",\"title\":\"Bad Request\",\"detail\":\"deployment is not in a cancelable state\"}]}",
                        "application/vnd.api+json"))
                .isEqualTo("Bad Request: deployment is not in a cancelable state");
    }

    @Test
    void statusCodeAndErrorsTogether() {
        assertThat(ErrorText.of(
                        "{\"status\":\"error\",\"code\":403,\"errors\":[\"Forbidden\"],\"statuspage\":\"http://status.datadoghq.com\"}",
                        "application/json"))
                .isEqualTo("Forbidden");
    }

    @Test
    void errorObjectWithoutErrorsKey() {
        assertThat(ErrorText.of(
                        "{\"error\":{\"message\":\"Deployment not found\",\"code\":\"NotFound\"}}", "application/json"))
                .isEqualTo("Deployment not found (NotFound)");
    }

    @Test
    void azureErrorWithInnerError() {
        assertThat(ErrorText.of(
                        "{\"error\":{\"code\":\"BadArgument\",\"message\":\"Invalid deployment\",\"innererror\":{\"code\":\"InvalidId\",\"message\":\"id too long\"}}}",
                        "application/json"))
                .isEqualTo("Invalid deployment (BadArgument): id too long (InvalidId)");
    }

    @Test
    void problemDetails() {
        assertThat(ErrorText.of(
                        "{\"type\":\"https://tools.ietf.org/html/rfc7231#section-6.5.4\",\"title\":\"Not Found\",\"status\":404,\"traceId\":\"00-ab-00\"}",
                        "application/problem+json"))
                .isEqualTo("Not Found");
    }

    @Test
    void plainMessageAndErrorString() {
        assertThat(ErrorText.of("{\"message\":\"Forbidden\"}", "application/json"))
                .isEqualTo("Forbidden");
        assertThat(ErrorText.of("{\"error\":\"invalid_client\"}", "application/json"))
                .isEqualTo("invalid_client");
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

    @Test
    void brokenJsonIsShownAsText() {
        assertThat(ErrorText.of("{\"errors\":[", "application/json")).isEqualTo("{\"errors\":[");
    }
}
