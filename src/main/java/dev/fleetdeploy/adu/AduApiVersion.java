package dev.fleetdeploy.adu;

import dev.fleetdeploy.core.ConfigurationException;
import dev.fleetdeploy.core.Quoted;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which generation of the ADU data-plane API to call, and the {@code api-version} to send with it.
 *
 * @param generation the shape of the paths
 * @param version the {@code api-version} query value; "v2" for the management API, which takes none
 */
public record AduApiVersion(Generation generation, String version) {
    /** The newest stable version, the one the Azure CLI's IoT extension uses (docs/azure-device-update-api.md). */
    public static final String DEFAULT = "2026-06-01";
    /** The first GA version; every later one keeps its shape. */
    static final String FIRST_GA = "2022-10-01";
    /** The preview before GA, already GA-shaped (per-subgroup paths). */
    static final String PREVIEW_2022 = "2022-07-01-preview";

    static final String PREVIEW_2021 = "2021-06-01-preview";
    private static final Pattern DATED = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})(-preview)?");

    public enum Generation {
        /** The 2020 v2 management API: {@code .../v2/management/deployments/{id}?action=...}. */
        V2,
        /** {@code .../management/groups/{group}/deployments/{id}?action=...&api-version=2021-06-01-preview}. */
        GROUP_ACTION,
        /** GA and later: {@code .../deviceClassSubgroups/{class}/deployments/{id}:cancel?api-version=...}. */
        SUBGROUP_ACTION
    }

    /** @param origin where the value was set, for messages */
    public static AduApiVersion parse(String raw, String origin) {
        String value = raw.strip().toLowerCase(Locale.ROOT);
        if (value.equals("v2")) {
            return new AduApiVersion(Generation.V2, "v2");
        }
        if (value.equals(PREVIEW_2021)) {
            return new AduApiVersion(Generation.GROUP_ACTION, value);
        }
        // Versions after GA keep its shape (2023-10-01-preview and 2026-06-01 do): accept any later date.
        if (value.equals(PREVIEW_2022)
                || (DATED.matcher(value).matches()
                        && isDate(value.substring(0, 10))
                        && value.substring(0, 10).compareTo(FIRST_GA) >= 0)) {
            return new AduApiVersion(Generation.SUBGROUP_ACTION, value);
        }
        String v2 = value.startsWith("2020-") ? " (the 2020 v2 management API is apiVersion=v2)" : "";
        throw new ConfigurationException("Unknown Azure Device Update apiVersion '" + Quoted.of(raw.strip()) + "' in "
                + origin + v2
                + ": use v2, 2021-06-01-preview, or a GA-shaped version such as 2026-06-01 (the default),"
                + " 2023-10-01-preview, 2022-10-01 or 2022-07-01-preview.");
    }

    private static boolean isDate(String text) {
        try {
            LocalDate.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    public static AduApiVersion defaultVersion() {
        return new AduApiVersion(Generation.SUBGROUP_ACTION, DEFAULT);
    }

    /** Whether requests carry {@code api-version}. */
    boolean dated() {
        return generation != Generation.V2;
    }

    /** "v2 management API", "API 2022-10-01", for messages. */
    public String describe() {
        return generation == Generation.V2 ? "v2 management API" : "API " + version;
    }
}
