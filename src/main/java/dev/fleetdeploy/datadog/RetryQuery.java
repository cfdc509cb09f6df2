package dev.fleetdeploy.datadog;

import dev.fleetdeploy.core.WireText;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code filter_query} of a retry: exactly the failed hosts, as {@code hostname:a OR hostname:b}, the one form
 * Datadog documents for naming hosts (docs/datadog-fleet-api.md, "Host filters"). No quoting or escaping is sent,
 * because Fleet documents none: a host name with a character that would need it (a space, a quote, a colon, a
 * wildcard, a parenthesis...) is refused, and so is a query longer than {@link #MAX_LENGTH}.
 */
final class RetryQuery {
    /**
     * The longest query one retry sends. Datadog documents no limit; this one keeps the body small (about 500 host
     * names), and a longer retry is refused rather than split, so that one retry is always one new deployment.
     */
    static final int MAX_LENGTH = 8_000;

    /** RFC 1123 host names (and the underscore some fleets use): letters, digits, '.', '-', '_'. */
    private static final Pattern HOSTNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,252}");
    /** Words of the query syntax, which a bare value must not be. */
    private static final Set<String> OPERATORS = Set.of("and", "or", "not", "to");

    /** The query, or why there is none. */
    record Built(String query, String problem) {}

    private RetryQuery() {}

    static Built of(List<FailedHost> hosts) {
        StringBuilder query = new StringBuilder();
        for (FailedHost host : hosts) {
            String name = host.hostname();
            if (name == null) {
                return new Built(null, "a failed host is listed without its hostname, so no filter query can name it");
            }
            if (!HOSTNAME.matcher(name).matches() || OPERATORS.contains(name.toLowerCase(Locale.ROOT))) {
                return new Built(
                        null,
                        "the failed host '" + WireText.clean(name) + "' has a name that a filter query cannot carry"
                                + " without quoting, which Datadog does not document for Fleet (only letters, digits,"
                                + " '.', '-' and '_' are sent)");
            }
            if (query.length() > 0) {
                query.append(" OR ");
            }
            query.append("hostname:").append(name);
            if (query.length() > MAX_LENGTH) {
                return new Built(
                        null,
                        "the " + hosts.size() + " failed hosts make a filter query longer than the " + MAX_LENGTH
                                + " characters one retry sends");
            }
        }
        return new Built(query.toString(), null);
    }
}
