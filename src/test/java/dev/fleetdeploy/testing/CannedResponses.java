package dev.fleetdeploy.testing;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;

/** Sends a test's {@link CannedAnswer} as it stands: status line, headers in order, body, and any delay. */
final class CannedResponses {

    private CannedResponses() {}

    /** A builder, so that a fake can add the headers its service always sends. */
    static MockResponse.Builder builder(CannedAnswer answer) {
        MockResponse.Builder builder = new MockResponse.Builder().status(StatusLine.of(answer.code()));
        answer.headers().forEach(builder::addHeader);
        if (!answer.delay().isZero()) {
            builder.headersDelay(answer.delay().toMillis(), TimeUnit.MILLISECONDS);
        }
        return builder.body(answer.body());
    }

    static boolean hasHeader(CannedAnswer answer, String name) {
        return answer.headers().keySet().stream()
                .anyMatch(key -> key.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)));
    }
}
