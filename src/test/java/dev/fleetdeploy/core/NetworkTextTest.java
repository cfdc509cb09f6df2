package dev.fleetdeploy.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where network text enters the core's types, it is cleaned and bounded, whichever provider or reader made it. */
class NetworkTextTest {

    @Test
    void anActionResultCleansEveryTextItCarries() {
        ActionResult result = new ActionResult(200, "stopping\r\n[INFO] x", "m\u001b[31m", "w\u202e", 1, "id\u0085");
        assertThat(result.state()).isEqualTo("stopping\\u000d\\u000a[INFO] x");
        assertThat(result.message()).isEqualTo("m\\u001b[31m");
        assertThat(result.warning()).isEqualTo("w\\u202e");
        assertThat(result.createdDeploymentId()).isEqualTo("id\\u0085");
        assertThat(new ActionResult(200, "x".repeat(900_000), null).state()).hasSize(WireText.MAX_LENGTH);
    }

    @Test
    void aStatusCleansItsStateCountNamesAndDetails() {
        DeploymentStatus status = new DeploymentStatus(
                "running\n",
                false,
                "hosts",
                2L,
                Map.of("fail\red", 1L),
                List.of("failed on h\u2028x", "z".repeat(600)));
        assertThat(status.state()).isEqualTo("running\\u000a");
        assertThat(status.counts()).containsOnlyKeys("fail\\u000ded");
        assertThat(status.details()).first().isEqualTo("failed on h\\u2028x");
        assertThat(status.details().get(1)).hasSize(WireText.MAX_LENGTH);
    }

    @Test
    void aFailureIsOneLineWhateverItQuotes() {
        ApiException failure = new ApiException(403, "403 For\rbidden", "denied\n[INFO] BUILD SUCCESS", "Check\u202e.");
        assertThat(failure.detail()).isEqualTo("HTTP 403 For\\u000dbidden: denied\\u000a[INFO] BUILD SUCCESS");
        assertThat(failure.apiText()).isEqualTo("denied\\u000a[INFO] BUILD SUCCESS");
        assertThat(failure.hint()).isEqualTo("Check\\u202e.");
        assertThat(new UnreachableException("no\nanswer", "h", null).detail()).isEqualTo("no\\u000aanswer");
    }

    @Test
    void aSentenceIsBoundedLongerThanOneNetworkText() {
        assertThat(WireText.sentence("s".repeat(5_000)))
                .hasSize(WireText.MAX_SENTENCE)
                .endsWith("…");
        assertThat(WireText.line("l".repeat(5_000) + "\n")).hasSize(5_006).endsWith("\\u000a");
    }

    @Test
    void aCutNeverSplitsAnEscapeOrASurrogatePair() {
        String escapes = WireText.clean("a".repeat(497) + "\n\n");
        assertThat(escapes).isEqualTo("a".repeat(497) + "…");
        String rockets = WireText.clean("b".repeat(498) + "🚀🚀");
        assertThat(rockets).isEqualTo("b".repeat(498) + "…");
    }

    @Test
    void aSubgroupIdIsShownCleanedButKeptForThePath() {
        DeploymentPart part = DeploymentPart.subgroup(new DeploymentId("d"), "dc\u202e1");
        assertThat(part.subgroup()).isEqualTo("dc\u202e1");
        assertThat(part.describe()).isEqualTo("deployment 'd', subgroup 'dc\\u202e1'");
        assertThat(part).hasToString("d (subgroup dc\\u202e1)");
    }

    @Test
    void aDeploymentIdWithABidiControlIsRefusedWhereverItCameFrom() {
        assertThatThrownBy(() -> DeploymentId.parse("abc\u202edef", "deploymentId"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage(
                        "The deployment id 'abc\\u202edef' in deploymentId contains a bidi control, a line separator"
                                + " or a lone surrogate, which no deployment id has.");
        assertThat(DeploymentId.parse("déjà-vu-🚀", "deploymentId").value()).isEqualTo("déjà-vu-🚀");
    }
}
