package dev.fleetdeploy.datadog;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.fleetdeploy.core.WireText;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * One page of {@code GET /api/v2/fleet/deployments}, read as a stream: its items and {@code meta.page}'s
 * {@code total_filtered_count} (docs/datadog-fleet-api.md, "List deployments").
 *
 * @param items the page's deployments that the reader was asked to keep, in order
 * @param size how many items the page had, kept or not
 * @param oldestStart the earliest {@code started_at} on the page, or null
 * @param newestFirst whether the page's {@code started_at} never grows from one item to the next
 * @param firstStart the first item's {@code started_at}, or null
 * @param filteredCount {@code meta.page.total_filtered_count}, or null
 */
record ListPage(
        List<ListedDeployment> items,
        int size,
        Long firstStart,
        Long oldestStart,
        boolean newestFirst,
        Long filteredCount) {

    /** @param keep which items to keep; the others are only counted */
    static JsonRead<ListPage> read(InputStream body, Predicate<ListedDeployment> keep) throws IOException {
        try (JsonParser parser = DatadogJson.FACTORY.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return JsonRead.unreadable("the body is not a JSON object");
            }
            Items items = null;
            Long filtered = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals("data") && value == JsonToken.START_ARRAY) {
                    items = new Items(keep);
                    items.read(parser);
                } else if (name.equals("meta") && value == JsonToken.START_OBJECT) {
                    filtered = filteredCount(parser);
                } else {
                    parser.skipChildren();
                }
            }
            if (items == null) {
                return JsonRead.unreadable("the body has no data list");
            }
            return JsonRead.of(new ListPage(
                    List.copyOf(items.kept), items.size, items.first, items.oldest, items.newestFirst, filtered));
        } catch (JsonProcessingException e) {
            return JsonRead.unreadable("the body is not valid JSON (" + WireText.clean(e.getOriginalMessage()) + ")");
        }
    }

    /** The items of {@code data[]} as they pass: counted, their start times followed, the wanted ones kept. */
    private static final class Items {
        final Predicate<ListedDeployment> keep;
        final List<ListedDeployment> kept = new ArrayList<>();
        int size;
        Long first;
        Long oldest;
        Long previous;
        boolean newestFirst = true;

        Items(Predicate<ListedDeployment> keep) {
            this.keep = keep;
        }

        void read(JsonParser parser) throws IOException {
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                if (parser.currentToken() != JsonToken.START_OBJECT) {
                    parser.skipChildren();
                    size++;
                    continue;
                }
                ListedDeployment item = item(parser);
                size++;
                Long started = item.startedAt();
                if (size == 1) {
                    first = started;
                }
                if (started == null || previous != null && started > previous) {
                    newestFirst = false;
                }
                if (started != null) {
                    previous = started;
                    oldest = oldest == null ? started : Math.min(oldest, started);
                }
                if (keep.test(item)) {
                    kept.add(item);
                }
            }
        }
    }

    private static ListedDeployment item(JsonParser parser) throws IOException {
        String id = null;
        String status = null;
        String author = null;
        String query = null;
        String updateType = null;
        Long started = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (name.equals("id")) {
                id = DatadogJson.text(parser);
            } else if (name.equals("attributes") && value == JsonToken.START_OBJECT) {
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    parser.nextToken();
                    switch (field) {
                        case "status" -> status = DatadogJson.text(parser);
                        case "author" -> author = DatadogJson.text(parser);
                        case "query" -> query = DatadogJson.text(parser);
                        case "update_type" -> updateType = DatadogJson.text(parser);
                        case "started_at" -> started = DatadogJson.count(parser);
                        default -> parser.skipChildren();
                    }
                }
            } else {
                parser.skipChildren();
            }
        }
        return new ListedDeployment(id, status, author, query, updateType, started);
    }

    private static Long filteredCount(JsonParser parser) throws IOException {
        Long filtered = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (name.equals("page") && value == JsonToken.START_OBJECT) {
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    parser.nextToken();
                    if (field.equals("total_filtered_count")) {
                        filtered = DatadogJson.count(parser);
                    } else {
                        parser.skipChildren();
                    }
                }
            } else {
                parser.skipChildren();
            }
        }
        return filtered;
    }
}
