package dev.fleetdeploy.testing;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An {@code application/x-www-form-urlencoded} body, as the token endpoint reads it: first value of each field wins.
 *
 * @param fields the decoded fields, in order
 */
record FormBody(Map<String, String> fields) {

    static FormBody parse(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            fields.putIfAbsent(name, value);
        }
        return new FormBody(fields);
    }

    /** The field's value, or null when absent or empty (the endpoint treats both as missing). */
    String get(String name) {
        String value = fields.get(name);
        return value == null || value.isEmpty() ? null : value;
    }
}
