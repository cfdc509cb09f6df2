package dev.fleetdeploy.testing;

import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Closes what a test opened (fakes, transports), last opened first, after each test, so that a test class needs no
 * {@code @AfterEach} of its own. Register it with {@code @RegisterExtension} before the fields that use it.
 */
public final class Cleanup implements AfterEachCallback {
    private final Deque<AutoCloseable> opened = new ArrayDeque<>();

    /** @return {@code resource}, to be closed after the test */
    public synchronized <T extends AutoCloseable> T add(T resource) {
        opened.push(resource);
        return resource;
    }

    @Override
    public synchronized void afterEach(ExtensionContext context) throws Exception {
        while (!opened.isEmpty()) {
            opened.pop().close();
        }
    }
}
