package dev.fleetdeploy.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The User-Agent every request carries: the plugin, its version, and the Java it runs on. */
public final class UserAgent {
    public static final String PRODUCT = "fleet-deployment-maven-plugin";

    private UserAgent() {}

    /** "fleet-deployment-maven-plugin/0.1.0 (Java 17.0.15; Linux amd64)". */
    public static String value() {
        return PRODUCT + "/" + version() + " (Java " + System.getProperty("java.version") + "; "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ")";
    }

    public static String version() {
        return Holder.VERSION;
    }

    private static final class Holder {
        static final String VERSION = load();

        private static String load() {
            Properties properties = new Properties();
            try (InputStream in = UserAgent.class.getResourceAsStream("plugin.properties")) {
                if (in == null) {
                    return "unknown";
                }
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return properties.getProperty("version", "unknown");
        }
    }
}
