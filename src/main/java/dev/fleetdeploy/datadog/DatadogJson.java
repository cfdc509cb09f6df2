package dev.fleetdeploy.datadog;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;

/**
 * The token-stream side of Jackson, as the Datadog readers use it: no tree, so that a body is read in memory that does
 * not grow with it, and no jackson-databind, which a goal that only cancels never loads.
 */
final class DatadogJson {
    /**
     * Bounds on what one body may hold: no single text beyond 1 MB (a host name, an error, a patch value), no nesting
     * deeper than 200 (the deepest Datadog answer is 6 levels, a configuration patch a few more), and no document
     * beyond 1 GiB (a deployment of 100,000 hosts is about 13 MB).
     */
    static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(1_000_000)
                    .maxNestingDepth(200)
                    .maxDocumentLength(1L << 30)
                    .build())
            // What the plugin writes is ASCII: no control, bidi or other character from the network reaches a log
            // line or a request body unescaped, and the dry run shows exactly the bytes that would be sent.
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
            .build();

    private DatadogJson() {}

    /** A value that is not an object, array, null or blank, stripped; else null (and the value skipped). */
    static String text(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == null || !token.isScalarValue() || token == JsonToken.VALUE_NULL) {
            parser.skipChildren();
            return null;
        }
        String text = parser.getText();
        return text.isBlank() ? null : text.strip();
    }

    /** An integer value that fits a long; else null (and the value skipped). */
    static Long count(JsonParser parser) throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_NUMBER_INT) {
            parser.skipChildren();
            return null;
        }
        JsonParser.NumberType type = parser.getNumberType();
        return type == JsonParser.NumberType.INT || type == JsonParser.NumberType.LONG ? parser.getLongValue() : null;
    }

    /** A boolean value; else null (and the value skipped). */
    static Boolean bool(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
            return token == JsonToken.VALUE_TRUE;
        }
        parser.skipChildren();
        return null;
    }

    /**
     * The value the parser is at, copied token for token (numbers as written) into compact ASCII JSON; null when it
     * is longer than {@code maxChars} (the rest of it is skipped).
     */
    static String copy(JsonParser parser, int maxChars) throws IOException {
        BoundedWriter out = new BoundedWriter(maxChars);
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            generator.copyCurrentStructureExact(parser);
        }
        return out.full ? null : out.toString();
    }

    /** Compact ASCII JSON of what {@code write} writes. */
    static String write(Writing write) {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            write.to(generator);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write JSON to memory", e);
        }
        return out.toString();
    }

    /** Writes one JSON value. */
    @FunctionalInterface
    interface Writing {
        void to(JsonGenerator generator) throws IOException;
    }

    /** A writer that holds no more than its bound, and drops what comes after (the copy still reads to its end). */
    private static final class BoundedWriter extends Writer {
        private final StringBuilder text = new StringBuilder();
        private final int max;
        private boolean full;

        BoundedWriter(int max) {
            this.max = max;
        }

        @Override
        public void write(char[] buffer, int offset, int length) {
            if (full || text.length() + length > max) {
                full = true;
                text.setLength(0);
                return;
            }
            text.append(buffer, offset, length);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
