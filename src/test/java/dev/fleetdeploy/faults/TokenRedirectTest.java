package dev.fleetdeploy.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetdeploy.faults.FaultRig.Run;
import dev.fleetdeploy.testing.CannedAnswer;
import dev.fleetdeploy.testing.FakeAdu;
import dev.fleetdeploy.testing.FakeEntra;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The token request is redirected. As for any refused redirect, the failure names where the redirect pointed and why
 * it was not followed (the client secret must reach no other host), not the client secret as the thing to check; and
 * the other host receives nothing.
 */
class TokenRedirectTest {
    static final String CLIENT_SECRET = "token-redirect-secret-4c1a9e";

    private final FakeEntra entra = FakeEntra.start();
    private final FakeEntra elsewhere = FakeEntra.start();
    private final FakeAdu adu = FakeAdu.start().trust(entra);

    @AfterEach
    void stop() {
        assertThat(elsewhere.tokenRequests())
                .as("requests the other host received")
                .isEmpty();
        entra.close();
        elsewhere.close();
        adu.close();
    }

    private FaultRig rig() {
        return FaultRig.adu(adu.url())
                .set("accessToken", null)
                .set("tenantId", "tenant-1")
                .set("clientId", "client-1")
                .set("clientSecret", CLIENT_SECRET)
                .set("authorityHost", entra.authorityHost())
                .retries(0);
    }

    private static CannedAnswer redirect(int code, String location) {
        return new CannedAnswer(code, Map.of("Location", location), "");
    }

    @ParameterizedTest
    @ValueSource(ints = {301, 302, 303, 307, 308})
    void aRedirectToAnotherHostNamesItsTargetAndReason(int code) throws Exception {
        String location = elsewhere.tokenUrl("tenant-1");
        entra.answerAlways(redirect(code, location));

        Run run = rig().cancel("dep-1");

        assertThat(run.failure().hint())
                .isEqualTo("Microsoft Entra ID answered with a redirect to " + location
                        + ", which the plugin does not follow so that the client secret reaches no other host: check"
                        + " the authority host (" + entra.authorityHost() + ").");
        assertThat(run.message()).doesNotContain("Check the client secret").contains("HTTP " + code);
        assertThat(adu.requests()).isEmpty();
    }

    @Test
    void aSameHostRedirectThatWouldTurnThePostIntoAGetSaysSo() throws Exception {
        String location = entra.tokenUrl("tenant-2");
        entra.answerAlways(redirect(302, location));

        Run run = rig().cancel("dep-1");

        assertThat(run.failure().hint())
                .isEqualTo("Microsoft Entra ID answered with a redirect to " + location
                        + " on its own host, which would turn the request into a GET, so the plugin does not follow"
                        + " it: check the authority host (" + entra.authorityHost() + ").");
    }

    @Test
    void aFederatedTokenIsWhatMustReachNoOtherHost() throws Exception {
        String location = elsewhere.tokenUrl("tenant-1");
        entra.answerAlways(redirect(307, location));
        java.nio.file.Path file = java.nio.file.Files.createTempFile("federated", ".jwt");
        java.nio.file.Files.writeString(file, "eyJhbGciOiJSUzI1NiJ9.token-redirect-assertion.sig");

        Run run = rig().set("clientSecret", null)
                .set("federatedTokenFile", file.toString())
                .cancel("dep-1");

        assertThat(run.failure().hint()).contains("so that the federated token reaches no other host");
        java.nio.file.Files.delete(file);
    }
}
