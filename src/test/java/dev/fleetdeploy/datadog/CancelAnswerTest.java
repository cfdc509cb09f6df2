package dev.fleetdeploy.datadog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The streamed read of a cancel's answer says what reading it as a tree (as the status goal does) says. */
class CancelAnswerTest {
    private static final ObjectMapper TREES = new ObjectMapper();

    /** The tree reading a cancel used before: empty when the body is not JSON. */
    private static Optional<CancelAnswer> asTree(String body) {
        try {
            JsonNode attributes = TREES.readTree(body).path("data").path("attributes");
            return Optional.of(new CancelAnswer(
                    DatadogStatusReader.firstText(attributes, "status"),
                    DatadogStatusReader.firstText(attributes, "message")));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"data\":{\"id\":\"k7Q-3mX-p9Z\",\"type\":\"deployment\",\"attributes\":{\"message\":\"Cancellation has been requested; the deployment is stopping.\",\"status\":\"stopping\"}}}",
                "{\"data\":{\"attributes\":{\"status\":\"  stopping \",\"message\":\"   \"}}}",
                "{\"data\":{\"attributes\":{\"status\":null,\"message\":42}}}",
                "{\"data\":{\"attributes\":{\"status\":true,\"message\":1.5}}}",
                "{\"data\":{\"attributes\":{\"status\":{\"x\":\"y\"},\"message\":[\"a\"]}}}",
                "{\"data\":{\"attributes\":{\"status\":\"first\",\"status\":\"second\"}}}",
                "{\"data\":{\"attributes\":{\"status\":\"x\",\"status\":null}}}",
                "{\"meta\":{\"attributes\":{\"status\":\"no\"}},\"data\":{\"status\":\"no\",\"attributes\":{\"more\":{\"status\":\"no\"},\"status\":\"yes\"}}}",
                "{\"data\":{\"attributes\":\"stopping\"}}",
                "{\"data\":[{\"attributes\":{\"status\":\"no\"}}]}",
                "{\"errors\":[\"Not found\"]}",
                "{}",
                "[1,2]",
                "\"stopping\"",
                "42",
                "<html><body>ok</body></html>",
                "ok",
                "{\"data\":{\"attributes\":{\"status\":\"stopping\"}}",
                "{\"data\":{\"attributes\":{\"status\":\"stopping\"}}} trailing",
                "{\"data\":{\"attributes\":{\"status\":\"stopping\",}}}",
            })
    void readsWhatATreeReads(String body) {
        assertThat(CancelAnswer.read(body)).isEqualTo(asTree(body));
    }
}
