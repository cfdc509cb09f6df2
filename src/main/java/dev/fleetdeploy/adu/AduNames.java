package dev.fleetdeploy.adu;

import dev.fleetdeploy.core.ConfigurationException;
import dev.fleetdeploy.core.DeploymentId;
import dev.fleetdeploy.core.Quoted;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks the names that go into an ADU request's host and path, before anything is sent: none may change the host
 * or the path the plugin means to call.
 */
final class AduNames {
    static final String ACCOUNT_DOMAIN = ".api.adu.microsoft.com";
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    /** Instances are sent as they are (the specs do not encode them); ADU names them with letters, digits and hyphens. */
    private static final Pattern INSTANCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    static final int MAX_SEGMENT = 256;
    /** What GA's Deployment definition forbids in a deployment id. */
    private static final String GA_FORBIDDEN = "&^[]{}|<>/\\\"";

    static final int GA_MAX_ID = 73;

    private AduNames() {}

    /** An account's host name: "contoso.api.adu.microsoft.com", or one seen elsewhere (*.api.prod.adu.microsoft.com). */
    static String hostName(String raw, String origin) {
        String value = raw.strip();
        String problem = hostProblem(value);
        if (problem != null) {
            throw new ConfigurationException(
                    "The endpoint '" + Quoted.of(value) + "' in " + origin + " " + problem
                            + ": give the account's host name only, such as contoso.api.adu.microsoft.com (baseUrl replaces the whole https://host:port).");
        }
        return value.toLowerCase(Locale.ROOT);
    }

    private static String hostProblem(String value) {
        if (value.contains("://")) {
            return "has a scheme";
        }
        for (char c : value.toCharArray()) {
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                return "contains a space or control character";
            }
            switch (c) {
                case '/' -> {
                    return "has a path";
                }
                case ':' -> {
                    return "has a port";
                }
                case '@' -> {
                    return "has user info";
                }
                case '#', '?' -> {
                    return "has a '" + c + "'";
                }
                default -> {}
            }
        }
        String host = value.endsWith(".") ? value.substring(0, value.length() - 1) : value;
        if (host.isEmpty() || host.length() > 253) {
            return "is not a host name";
        }
        for (String label : host.toLowerCase(Locale.ROOT).split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return "is not a host name (each dot-separated part must be 1 to 63 letters, digits or inner hyphens)";
            }
        }
        return null;
    }

    /** {@code <account>.api.adu.microsoft.com}, from the account's name. */
    static String accountHost(String raw, String origin) {
        String value = raw.strip().toLowerCase(Locale.ROOT);
        if (!LABEL.matcher(value).matches()) {
            String tip = value.contains(".") ? " (for a full host name, set endpoint instead)" : "";
            throw new ConfigurationException(
                    "The account '" + Quoted.of(raw.strip()) + "' in " + origin + " is not an ADU account name" + tip
                            + ": give the name alone, letters, digits and hyphens, such as contoso.");
        }
        return value + ACCOUNT_DOMAIN;
    }

    static String instance(String raw, String origin) {
        String value = raw.strip();
        if (!INSTANCE.matcher(value).matches()) {
            throw new ConfigurationException(
                    "The instance '" + Quoted.of(value) + "' in " + origin
                            + " is not an ADU instance name: give the name alone (letters, digits, '-', '_' or '.'), as the Azure portal shows it; it must not hold '/', '?', '#', '%' or spaces.");
        }
        return value;
    }

    /** A group or device class id: sent percent-encoded, but never "." or "..", slashes or control characters. */
    static String pathSegment(String raw, String what, String origin) {
        String value = raw.strip();
        if (!isSafeSegment(value)) {
            throw new ConfigurationException(
                    "The " + what + " '" + Quoted.of(value) + "' in " + origin + " is not a valid " + what
                            + ": give the id as the Azure portal shows it, without '/', '\\', control characters or '..'.");
        }
        return value;
    }

    /** Whether a value can go into a path as one segment: "." and ".." would be resolved away, slashes split it. */
    static boolean isSafeSegment(String value) {
        return !value.isEmpty()
                && !value.equals(".")
                && !value.equals("..")
                && value.length() <= MAX_SEGMENT
                && value.chars().noneMatch(c -> Character.isISOControl(c) || c == '/' || c == '\\');
    }

    /** Refuses ids no ADU generation takes, and (GA) what its Deployment definition forbids. */
    static void deploymentId(DeploymentId id, boolean ga) {
        String value = id.value();
        if (value.indexOf('/') >= 0 || value.indexOf('\\') >= 0) {
            throw new ConfigurationException(
                    "The deployment id '" + value
                            + "' contains a slash, which no Azure Device Update deployment id has: give the id alone, not a path or URL.");
        }
        if (!ga) {
            return;
        }
        if (value.length() > GA_MAX_ID) {
            throw new ConfigurationException("The deployment id '" + value + "' has " + value.length()
                    + " characters, but Azure Device Update's are at most " + GA_MAX_ID + ": check the id.");
        }
        for (char c : value.toCharArray()) {
            if (GA_FORBIDDEN.indexOf(c) >= 0) {
                throw new ConfigurationException(
                        "The deployment id '" + value + "' contains '" + c
                                + "', which Azure Device Update deployment ids cannot hold (none of & ^ [ ] { } | < > / \\ \"): check the id.");
            }
        }
    }
}
