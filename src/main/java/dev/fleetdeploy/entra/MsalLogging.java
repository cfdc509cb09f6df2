package dev.fleetdeploy.entra;

/**
 * Keeps MSAL's own log lines out of the build's log. MSAL logs through SLF4J, which in Maven is Maven's console:
 * without this, every managed identity token would add four INFO lines of MSAL's ("[Managed Identity] Successful
 * response received.") to the user's build, which the plugin's own lines already say better. Maven's SLF4J logger
 * (SimpleLogger) takes a logger's level from the system property {@value #LEVEL}, read when the logger is made; MSAL
 * makes its loggers when its classes are first used, after this ran. A level the user set (for instance
 * {@code -Dorg.slf4j.simpleLogger.log.com.microsoft.aad.msal4j=debug}, to see MSAL's own debug lines) is kept.
 */
final class MsalLogging {
    static final String LEVEL = "org.slf4j.simpleLogger.log.com.microsoft.aad.msal4j";

    private MsalLogging() {}

    /** MSAL's warnings and errors only, unless the user chose otherwise. Called before MSAL's first use. */
    static void quiet() {
        if (System.getProperty(LEVEL) == null) {
            System.setProperty(LEVEL, "warn");
        }
    }
}
