package dev.fleetdeploy.datadog;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The nine Datadog sites. Each is accepted in every form Datadog's own pages write it: the site
 * ({@code datadoghq.eu}), its region code ({@code EU1}), its web host where that differs ({@code app.datadoghq.eu}),
 * its API host ({@code api.datadoghq.eu}) and its API base URL ({@code https://api.datadoghq.eu}).
 */
public enum DatadogSite {
    US1("datadoghq.com", true),
    US3("us3.datadoghq.com", false),
    US5("us5.datadoghq.com", false),
    EU1("datadoghq.eu", true),
    AP1("ap1.datadoghq.com", false),
    AP2("ap2.datadoghq.com", false),
    UK1("uk1.datadoghq.com", false),
    US1_FED("ddog-gov.com", true),
    US2_FED("us2.ddog-gov.com", false);

    public static final DatadogSite DEFAULT = US1;

    private final String site;
    private final boolean webHostHasAppPrefix;

    DatadogSite(String site, boolean webHostHasAppPrefix) {
        this.site = site;
        this.webHostHasAppPrefix = webHostHasAppPrefix;
    }

    /** "datadoghq.eu". */
    public String site() {
        return site;
    }

    /** "EU1", "US1-FED": the region code, as Datadog writes it. */
    public String region() {
        return name().replace('_', '-');
    }

    /** "api.datadoghq.eu". */
    public String apiHost() {
        return "api." + site;
    }

    public static Optional<DatadogSite> parse(String raw) {
        String value = raw.strip().toLowerCase(Locale.ROOT);
        if (value.startsWith("https://")) {
            value = value.substring("https://".length());
        }
        while (value.endsWith("/")) {
            value = value.substring(0, value.length() - 1);
        }
        for (DatadogSite candidate : values()) {
            if (candidate.matches(value)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private boolean matches(String value) {
        return value.equals(site)
                || value.equals(region().toLowerCase(Locale.ROOT))
                || value.equals(apiHost())
                || (webHostHasAppPrefix && value.equals("app." + site));
    }

    /** "datadoghq.com (US1), us3.datadoghq.com (US3), ...", for messages. */
    public static String describeAll() {
        return Arrays.stream(values())
                .map(s -> s.site + " (" + s.region() + ")")
                .collect(Collectors.joining(", "));
    }

    public static List<DatadogSite> all() {
        return List.of(values());
    }
}
