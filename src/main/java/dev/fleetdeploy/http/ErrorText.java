package dev.fleetdeploy.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fleetdeploy.core.WireText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reduces an error body to one line of the API's own words, whatever shape it came in:
 *
 * <ul>
 *   <li>{@code {"errors":["..."]}}, and with extra keys ({@code {"status":"error","code":403,"errors":[...]}})
 *   <li>{@code {"errors":[{"status":"400","title":"Bad Request","detail":"..."}]}} (JSON:API)
 *   <li>{@code {"error":{"code":"...","message":"...","innererror":{...}}}} (Azure and others)
 *   <li>{@code {"title":"Not Found","status":404,"detail":"..."}} (RFC 7807 problem details)
 *   <li>{@code {"message":"..."}} and {@code {"error":"..."}}
 *   <li>{@code {"error":"invalid_client","error_description":"AADSTS7000215: ..."}} (OAuth 2.0, Microsoft Entra ID)
 *   <li>an HTML page from a proxy or load balancer: its title
 *   <li>anything else: the text itself, shortened
 * </ul>
 *
 * <p>What it returns is one line of at most {@link WireText#MAX_LENGTH} characters, cleaned ({@link WireText}).
 */
public final class ErrorText {
    static final int MAX_LENGTH = WireText.MAX_LENGTH;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TITLE =
            Pattern.compile("<title[^>]*>(.*?)</title>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern HEADING =
            Pattern.compile("<h1[^>]*>(.*?)</h1>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern TAG = Pattern.compile("<[^>]*>");

    private ErrorText() {}

    /** The API's error text in one line, or empty text when the body said nothing. */
    public static String of(ApiResponse response) {
        return of(response.body(), response.contentType());
    }

    /**
     * A text field at the top of a JSON body, cleaned ({@link WireText}): the {@code traceId} of RFC 7807 problem
     * details as Azure sends them, say. Empty when the body is not a JSON object or has no such text.
     */
    public static java.util.Optional<String> field(ApiResponse response, String name) {
        String body = response.body();
        if (body == null || !body.strip().startsWith("{")) {
            return java.util.Optional.empty();
        }
        try {
            String value = text(JSON.readTree(body), name);
            return value.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(WireText.clean(value));
        } catch (JsonProcessingException e) {
            return java.util.Optional.empty();
        }
    }

    static String of(String body, String contentType) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String trimmed = body.strip();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            try {
                String fromJson = fromJson(JSON.readTree(trimmed));
                if (!fromJson.isEmpty()) {
                    return shorten(fromJson);
                }
            } catch (JsonProcessingException e) {
                // Not JSON after all: fall through to plain text.
            }
        }
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.contains("html")
                || trimmed.regionMatches(true, 0, "<!doctype html", 0, 14)
                || trimmed.regionMatches(true, 0, "<html", 0, 5)) {
            return shorten("an HTML page: " + fromHtml(trimmed));
        }
        return shorten(trimmed);
    }

    private static String fromJson(JsonNode root) {
        List<String> parts = new ArrayList<>();
        JsonNode errors = root.path("errors");
        if (errors.isArray()) {
            for (JsonNode error : errors) {
                String item = error.isTextual() ? error.asText() : describeObject(error);
                if (!item.isBlank()) {
                    parts.add(item);
                }
            }
        } else if (errors.isTextual()) {
            parts.add(errors.asText());
        }
        JsonNode error = root.path("error");
        if (error.isObject()) {
            parts.add(describeObject(error));
        } else if (error.isTextual()) {
            // OAuth 2.0 (Microsoft Entra ID): {"error":"invalid_client","error_description":"AADSTS7000215: ..."}.
            String description = text(root, "error_description");
            parts.add(description.isEmpty() ? error.asText() : description + " (" + error.asText() + ")");
        }
        if (parts.stream().allMatch(String::isBlank)) {
            parts.clear();
            String own = describeObject(root);
            if (!own.isBlank()) {
                parts.add(own);
            }
        }
        if (root.isArray()) {
            for (JsonNode item : root) {
                parts.add(item.isTextual() ? item.asText() : describeObject(item));
            }
        }
        return String.join("; ", parts.stream().filter(p -> !p.isBlank()).toList());
    }

    /** title/detail (JSON:API, RFC 7807), message/code (Azure and most others), with an inner error's message. */
    private static String describeObject(JsonNode node) {
        if (!node.isObject()) {
            return node.isValueNode() ? node.asText() : "";
        }
        String title = text(node, "title");
        String detail = text(node, "detail");
        String message = text(node, "message");
        String code = text(node, "code");
        StringBuilder out = new StringBuilder();
        if (!title.isEmpty()) {
            out.append(title);
        }
        if (!detail.isEmpty() && !detail.equals(title)) {
            append(out, detail);
        }
        if (!message.isEmpty() && !message.equals(title) && !message.equals(detail)) {
            append(out, message);
        }
        if (!code.isEmpty() && out.length() > 0 && !out.toString().contains(code)) {
            out.append(" (").append(code).append(')');
        } else if (!code.isEmpty() && out.length() == 0) {
            out.append(code);
        }
        JsonNode inner = node.has("innererror") ? node.get("innererror") : node.path("innerError");
        if (inner.isObject()) {
            String innerText = describeObject(inner);
            if (!innerText.isEmpty() && !out.toString().contains(innerText)) {
                append(out, innerText);
            }
        }
        JsonNode details = node.path("details");
        if (details.isArray()) {
            for (JsonNode item : details) {
                String itemText = describeObject(item);
                if (!itemText.isEmpty() && !out.toString().contains(itemText)) {
                    append(out, itemText);
                }
            }
        }
        return out.toString();
    }

    private static void append(StringBuilder out, String part) {
        if (out.length() > 0) {
            out.append(": ");
        }
        out.append(part);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.isContainerNode()
                ? ""
                : value.asText().strip();
    }

    private static String fromHtml(String html) {
        for (Pattern pattern : List.of(TITLE, HEADING)) {
            Matcher matcher = pattern.matcher(html);
            if (matcher.find()) {
                String text = collapse(TAG.matcher(matcher.group(1)).replaceAll(" "));
                if (!text.isEmpty()) {
                    return text;
                }
            }
        }
        return collapse(TAG.matcher(html).replaceAll(" "));
    }

    private static String collapse(String text) {
        return oneLine(text);
    }

    /**
     * The text on one line: runs of white space become one space, and other control characters (a terminal escape,
     * a bell, NUL) are dropped, so that no answer can rewrite what the build log shows.
     */
    public static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").replaceAll("\\p{Cc}", "").strip();
    }

    private static String shorten(String text) {
        return WireText.clean(collapse(text));
    }
}
