package dev.fleetdeploy.http;

import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.Request;

/**
 * Notes when a request's headers start leaving, after which it may have reached the server: a cancel that failed
 * after that point may have taken effect.
 */
final class SentTracker extends EventListener {

    /** Has {@code sent} set once the request built by {@code builder} starts leaving. */
    static Request.Builder watch(Request.Builder builder, AtomicBoolean sent) {
        return builder.tag(AtomicBoolean.class, sent);
    }

    @Override
    public void requestHeadersStart(Call call) {
        AtomicBoolean sent = call.request().tag(AtomicBoolean.class);
        if (sent != null) {
            sent.set(true);
        }
    }
}
