package dev.fleetdeploy.testing;

import dev.fleetdeploy.testing.RecordingLog.Level;
import java.lang.reflect.Proxy;
import java.util.Map;
import org.apache.maven.plugin.logging.Log;

/**
 * A {@link RecordingLog} as Maven's {@link Log}: every level enabled, a logged throwable kept with its trace. Each of
 * Log's twelve methods is {@code debug|info|warn|error(CharSequence)}, {@code (CharSequence, Throwable)},
 * {@code (Throwable)} or {@code is...Enabled()}, so one handler serves them all.
 */
final class MavenLogView {
    private static final Map<String, Level> LEVELS =
            Map.of("debug", Level.DEBUG, "info", Level.INFO, "warn", Level.WARNING, "error", Level.ERROR);

    private MavenLogView() {}

    static Log of(RecordingLog log) {
        return (Log) Proxy.newProxyInstance(
                Log.class.getClassLoader(), new Class<?>[] {Log.class}, (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return switch (method.getName()) {
                            case "equals" -> proxy == args[0];
                            case "hashCode" -> System.identityHashCode(proxy);
                            default -> "the Maven Log of " + log.getClass().getSimpleName();
                        };
                    }
                    Level level = LEVELS.get(method.getName());
                    if (level == null) {
                        return method.getName().startsWith("is")
                                ? Boolean.TRUE
                                : null; // is...Enabled(), and nothing else
                    }
                    CharSequence content = args[0] instanceof CharSequence text ? text : null;
                    Throwable error = args[args.length - 1] instanceof Throwable thrown ? thrown : null;
                    log.record(level, content, error);
                    return null;
                });
    }
}
