package dev.fleetdeploy.datadog;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Optional;

/**
 * The status and message of a v2 cancel's answer ({@code {"data":{"attributes":{"status":..,"message":..}}}}), read
 * as a stream of tokens. A cancel needs no tree of the answer, and so a goal that only cancels never loads
 * jackson-databind: building its first ObjectMapper costs about 150 ms in a fresh JVM, a third of what the goal
 * costs on top of Maven's own start.
 *
 * @param status {@code data.attributes.status}, as {@link DatadogStatusReader#firstText} reads it
 * @param message {@code data.attributes.message}, likewise
 */
record CancelAnswer(String status, String message) {
    private static final JsonFactory JSON = new JsonFactory();

    /** @return empty when the body is not JSON */
    static Optional<CancelAnswer> read(String body) {
        try (JsonParser parser = JSON.createParser(body)) {
            String[] found = new String[2];
            if (parser.nextToken() == JsonToken.START_OBJECT) {
                fields(parser, 0, found);
            } else {
                parser.skipChildren();
            }
            return Optional.of(new CancelAnswer(found[0], found[1]));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Walks the object the parser is at; depth 0 is the root, 1 {@code data}, 2 {@code attributes}. As in a tree,
     * a field given twice counts with its last value.
     */
    private static void fields(JsonParser parser, int depth, String[] found) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            boolean nested = depth == 0 && name.equals("data") || depth == 1 && name.equals("attributes");
            if (nested && value == JsonToken.START_OBJECT) {
                fields(parser, depth + 1, found);
            } else if (depth == 2 && (name.equals("status") || name.equals("message"))) {
                found[name.equals("status") ? 0 : 1] = text(parser);
            } else {
                parser.skipChildren();
            }
        }
    }

    /** A value that is not an object, array, null or blank, stripped; else null (and the value skipped). */
    private static String text(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (!token.isScalarValue() || token == JsonToken.VALUE_NULL) {
            parser.skipChildren();
            return null;
        }
        String text = parser.getText();
        return text.isBlank() ? null : text.strip();
    }
}
