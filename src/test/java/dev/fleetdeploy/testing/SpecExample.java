package dev.fleetdeploy.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

/**
 * One of the ADU spec's request/response examples, as copied under {@code src/test/resources/adu/examples}: the fakes
 * answer with the spec's own bodies, and tests take the ids they send from the example's parameters.
 */
public final class SpecExample {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final JsonNode root;

    private SpecExample(String name, JsonNode root) {
        this.name = name;
        this.root = root;
    }

    /** @param path "stable-2022-10-01/DeviceManagement_GetDeployment", without ".json" */
    public static SpecExample load(String path) {
        String resource = "/adu/examples/" + path + ".json";
        try (InputStream in = SpecExample.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no spec example " + resource + " on the test classpath");
            }
            return new SpecExample(path, JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A request parameter of the example ("instanceId", "groupId", "api-version"...). */
    public String parameter(String parameter) {
        JsonNode value = root.path("parameters").path(parameter);
        if (!value.isTextual()) {
            throw new IllegalArgumentException(name + " has no parameter " + parameter);
        }
        return value.asText();
    }

    /** The body of the example's answer with that status, as JSON text. */
    public String body(int status) {
        return bodyNode(status).toString();
    }

    /** The body with some change made to a copy of it, for the cases the examples do not show. */
    public String body(int status, Consumer<ObjectNode> change) {
        ObjectNode copy = (ObjectNode) bodyNode(status).deepCopy();
        change.accept(copy);
        return copy.toString();
    }

    private JsonNode bodyNode(int status) {
        JsonNode body = root.path("responses").path(Integer.toString(status)).path("body");
        if (!body.isObject()) {
            throw new IllegalArgumentException(name + " has no body for " + status);
        }
        return body;
    }
}
