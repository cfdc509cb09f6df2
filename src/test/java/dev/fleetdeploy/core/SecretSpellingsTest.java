package dev.fleetdeploy.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A registered secret is masked in every spelling it travels in, or a server may echo it back in. */
class SecretSpellingsTest {
    /** As Entra ID's client secrets are (with a "~"), and a few characters that encoders disagree on. */
    static final String SECRET = "Q8~xw.ab_cd-ef g+h/i\"j*k%l\u00e9m";

    private final SecretMasker masker = new SecretMasker();

    private String masked(String spelling) {
        masker.register(Secret.of(SECRET));
        return masker.mask("before " + spelling + " after");
    }

    @Test
    void raw() {
        assertThat(masked(SECRET)).isEqualTo("before **** after");
    }

    @Test
    void formEncodedAsOkHttpSendsIt() {
        String okhttp = new okhttp3.FormBody.Builder()
                .add("client_secret", SECRET)
                .build()
                .encodedValue(0);
        assertThat(okhttp).contains("%7E").contains("+");
        assertThat(masked(okhttp)).isEqualTo("before **** after");
    }

    @Test
    void urlEncodedAsJavaEncodesIt() {
        assertThat(masked(URLEncoder.encode(SECRET, StandardCharsets.UTF_8))).isEqualTo("before **** after");
    }

    @Test
    void percentEncodedTheOtherWaysEncodersDisagreeOn() {
        // %20 for the space, "~" and "*" left alone, lower-case hex.
        String other = "Q8~xw.ab_cd-ef%20g%2bh%2fi%22j*k%25l%c3%a9m";
        assertThat(masked(other)).isEqualTo("before **** after");
        // Encoded twice, as when a form body is put into a URL.
        String twice = new okhttp3.FormBody.Builder()
                .add("s", SECRET)
                .build()
                .encodedValue(0)
                .replace("%", "%25");
        assertThat(masked(twice)).isEqualTo("before **** after");
    }

    @Test
    void jsonEscaped() {
        String json = "Q8\\u007exw.ab_cd-ef g+h\\/i\\\"j*k%l\\u00E9m";
        assertThat(masked(json)).isEqualTo("before **** after");
    }

    @Test
    void base64OfAProxysCredentialsAsTheyGoIntoTheHeader() {
        masker.registerBasicCredentials("proxy-user", Secret.of("pr0xy-p\u00e4ss"));
        String header = okhttp3.Credentials.basic("proxy-user", "pr0xy-p\u00e4ss");
        String utf8 = Base64.getEncoder().encodeToString("proxy-user:pr0xy-p\u00e4ss".getBytes(StandardCharsets.UTF_8));
        assertThat(masker.mask("got " + header + " and " + utf8)).isEqualTo("got Basic **** and ****");
    }

    @Test
    void aSecretCutShortByABoundShowsNoStart() {
        masker.register(Secret.of("0f3c9a71d2e4b8aa"));
        assertThat(masker.mask("refused key=0f3c9a7…")).isEqualTo("refused key=****…");
        assertThat(masker.mask("refused key=0f3c%39a7…)")).isEqualTo("refused key=****…)");
        // Too short a start to say anything, and text that only looks alike, stay.
        assertThat(masker.mask("ends 0f3…")).isEqualTo("ends 0f3…");
        assertThat(masker.mask("0f3c-other…")).isEqualTo("0f3c-other…");
    }

    @ParameterizedTest
    @ValueSource(strings = {"pass", "a"})
    void shortSecretsStillOnlyWhereTheyStandAlone(String secret) {
        masker.register(Secret.of(secret));
        assertThat(masker.mask(
                        "passed=a1 (" + secret + ") %" + Integer.toHexString(secret.charAt(0)) + secret.substring(1)))
                .isEqualTo("passed=a1 (****) ****");
    }

    @Test
    void aLongSecretIsMaskedInTheSpellingsOfItsWhole() {
        // A federated token: kilobytes, too long for one pattern per character.
        String token = "eyJ0eXAi." + "x~y z/".repeat(2_000) + ".sig";
        masker.register(Secret.of(token));
        String form = new okhttp3.FormBody.Builder().add("a", token).build().encodedValue(0);
        String rfc3986 = form.replace("+", "%20").replace("%7E", "~");
        assertThat(masker.mask("a " + token + " b " + form + " c " + rfc3986.toLowerCase(java.util.Locale.ROOT)))
                .isEqualTo("a **** b **** c " + rfc3986.toLowerCase(java.util.Locale.ROOT));
        assertThat(masker.mask("d " + rfc3986 + " e " + token.substring(0, 300) + "…"))
                .isEqualTo("d **** e ****…");
    }
}
