package dev.fleetdeploy.datadog;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * The answer to a create ({@code configure}, {@code upgrade}): {@code data.id} and the attributes a retry checks.
 * docs/datadog-fleet-api.md, "Create: configure and upgrade". Texts are as the API wrote them.
 *
 * @param id {@code data.id}: the new deployment's, or "dry-run"
 * @param status {@code status} ("pending" when just created), or null
 * @param totalHosts {@code total_hosts}: for a dry run, how many hosts the query reaches; or null
 * @param configValidated {@code dry_run.config_validated}, or null
 */
record CreateAnswer(String id, String status, Long totalHosts, Boolean configValidated) {

    /** The id a dry run answers with: not a deployment. */
    static final String DRY_RUN_ID = "dry-run";

    static JsonRead<CreateAnswer> read(String body) {
        try (JsonParser parser = DatadogJson.FACTORY.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return JsonRead.unreadable("the body is not a JSON object");
            }
            Fields fields = new Fields();
            fields.object(parser, 0);
            return JsonRead.of(new CreateAnswer(fields.id, fields.status, fields.totalHosts, fields.configValidated));
        } catch (JsonProcessingException e) {
            return JsonRead.unreadable("the body is not valid JSON");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read a body held in memory", e);
        }
    }

    private static final class Fields {
        String id;
        String status;
        Long totalHosts;
        Boolean configValidated;

        /** Depth 0 is the root, 1 {@code data}, 2 {@code attributes}, 3 {@code dry_run}. */
        void object(JsonParser parser, int depth) throws IOException {
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                boolean nested = depth == 0 && name.equals("data")
                        || depth == 1 && name.equals("attributes")
                        || depth == 2 && name.equals("dry_run");
                if (nested && value == JsonToken.START_OBJECT) {
                    object(parser, depth + 1);
                } else if (depth == 1 && name.equals("id")) {
                    id = DatadogJson.text(parser);
                } else if (depth == 2 && name.equals("status")) {
                    status = DatadogJson.text(parser);
                } else if (depth == 2 && name.equals("total_hosts")) {
                    totalHosts = DatadogJson.count(parser);
                } else if (depth == 3 && name.equals("config_validated")) {
                    configValidated = DatadogJson.bool(parser);
                } else {
                    parser.skipChildren();
                }
            }
        }
    }
}
