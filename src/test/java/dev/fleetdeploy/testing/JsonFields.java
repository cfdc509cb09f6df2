package dev.fleetdeploy.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** A JSON object's plain fields (no objects or arrays) as text, to compare several at once. */
public final class JsonFields {
    private JsonFields() {}

    public static Map<String, String> of(JsonNode object) {
        Map<String, String> fields = new LinkedHashMap<>();
        object.fields().forEachRemaining(field -> {
            if (field.getValue().isValueNode()) {
                fields.put(field.getKey(), field.getValue().asText());
            }
        });
        return fields;
    }
}
