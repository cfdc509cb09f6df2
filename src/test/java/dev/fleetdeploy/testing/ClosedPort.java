package dev.fleetdeploy.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** A loopback port nothing listens on: one the system just handed out and that was closed again at once. */
public final class ClosedPort {
    private ClosedPort() {}

    public static int number() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
