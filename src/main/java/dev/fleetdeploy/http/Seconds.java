package dev.fleetdeploy.http;

import java.time.Duration;
import java.util.Locale;

/** How the transport shows a wait or a limit: "5 s", or "0.4 s" when it is not whole seconds. */
final class Seconds {
    private Seconds() {}

    static String of(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
