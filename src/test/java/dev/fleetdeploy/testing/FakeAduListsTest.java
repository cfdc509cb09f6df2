package dev.fleetdeploy.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The fake ADU's lists and groups, over real loopback HTTP, so that the ITs can trust them. */
class FakeAduListsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    final Cleanup cleanup = new Cleanup();

    private final FakeClient client = new FakeClient();
    private FakeAdu adu;

    @BeforeEach
    void start() {
        adu = cleanup.add(FakeAdu.start().acceptToken("t-1"));
        adu.deployment("G", "first", List.of("dc1", "dc2"));
        adu.deployment("G", "second", List.of("dc1"));
        adu.deployment("H", "other", List.of("dc9"));
    }

    private JsonNode get(String pathAndQuery) throws Exception {
        HttpResponse<String> response = client.send(
                "GET",
                pathAndQuery.startsWith("http") ? pathAndQuery : adu.url() + pathAndQuery,
                "Authorization",
                "Bearer t-1");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("retry-after")).hasValue("0");
        return JSON.readTree(response.body());
    }

    @Test
    void theV2ListHasEveryDeploymentPagedByAnAbsoluteNextLink() throws Exception {
        adu.listPageSize(2);

        JsonNode first = get("/deviceupdate/blue/v2/management/deployments");
        JsonNode second = get(first.path("nextLink").asText());

        assertThat(first.path("value").findValuesAsText("deploymentId")).containsExactly("first", "second");
        assertThat(first.path("value")
                        .get(0)
                        .path("deviceGroupDefinition")
                        .get(0)
                        .asText())
                .isEqualTo("G");
        assertThat(first.path("nextLink").asText()).startsWith(adu.url() + "/deviceupdate/blue/v2/");
        assertThat(second.path("value").findValuesAsText("deploymentId")).containsExactly("other");
        assertThat(second.has("nextLink")).isFalse();
    }

    @Test
    void thePreviewGroupNamesItsLatestDeployment() throws Exception {
        JsonNode group = get("/deviceupdate/blue/management/groups/G?api-version=2021-06-01-preview");

        assertThat(group.path("deploymentId").asText()).isEqualTo("second");
    }

    @Test
    void gaSubgroupsNameTheirLatestDeploymentUnlessLeftOut() throws Exception {
        JsonNode subgroups = get("/deviceUpdate/blue/management/groups/G/deviceClassSubgroups?api-version=2022-10-01");

        assertThat(subgroups.path("value").findValuesAsText("deviceClassId")).containsExactly("dc1", "dc2");
        assertThat(subgroups.path("value").findValuesAsText("deploymentId")).containsExactly("second", "first");

        adu.omitSubgroupDeploymentIds();
        assertThat(get("/deviceUpdate/blue/management/groups/G/deviceClassSubgroups?api-version=2022-10-01")
                        .path("value")
                        .findValuesAsText("deploymentId"))
                .isEmpty();
    }

    @Test
    void gaListsTheGroupsDeploymentsNewestFirstWhenAskedAndTheGroupItsActiveOnes() throws Exception {
        JsonNode newestFirst = get("/deviceUpdate/blue/management/groups/G/deployments?api-version=2022-10-01"
                + "&orderby=startDateTime%20desc");
        JsonNode group = get("/deviceUpdate/blue/management/groups/G?api-version=2022-10-01");

        assertThat(newestFirst.path("value").findValuesAsText("deploymentId")).containsExactly("second", "first");
        assertThat(group.path("deployments").toString()).isEqualTo("[\"first\",\"second\"]");
    }
}
