package dev.fleetdeploy.testing;

import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;

/**
 * Sends a {@link CannedAnswer} as it stands: status line with the real reason phrase, headers in order, body, any
 * delay, or the connection fault instead. The fakes answer through it, and so do tests that queue answers on a
 * MockWebServer of their own.
 */
public final class CannedResponses {

    private CannedResponses() {}

    public static MockResponse response(CannedAnswer answer) {
        return builder(answer).build();
    }

    /** A builder, for what only a raw MockWebServer does (a body that stalls, is cut or trickles in). */
    public static MockResponse.Builder builder(CannedAnswer answer) {
        MockResponse.Builder builder = new MockResponse.Builder().status(StatusLine.of(answer.code()));
        answer.headers().forEach(builder::addHeader);
        if (!answer.delay().isZero()) {
            builder.headersDelay(answer.delay().toMillis(), TimeUnit.MILLISECONDS);
        }
        if (answer.fault() != null) {
            builder.onResponseStart(
                    switch (answer.fault()) {
                        case STALL -> SocketEffect.Stall.INSTANCE;
                        case DROP -> SocketEffect.ShutdownConnection.INSTANCE;
                        case RESET -> new SocketEffect.CloseSocket();
                    });
        }
        return builder.body(answer.body());
    }
}
