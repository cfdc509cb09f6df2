package dev.fleetdeploy.http;

import java.util.Locale;

/** Whether a host name is this machine, judged from the name alone (no DNS lookup, which could be spoofed). */
public final class Loopback {
    private Loopback() {}

    public static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        // Not "*.localhost": the system's DNS need not map those to this machine.
        return h.equals("localhost")
                || h.equals("::1")
                || h.equals("0:0:0:0:0:0:0:1")
                || h.matches("127(\\.\\d{1,3}){3}");
    }
}
