package dev.fleetdeploy.datadog;

import dev.fleetdeploy.core.ConfigurationException;
import dev.fleetdeploy.core.Quoted;
import dev.fleetdeploy.core.Setting;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A package a deployment installs, as {@code target_packages[]} names it: {@code name} and {@code version}.
 *
 * @param name e.g. "datadog-agent"
 * @param version e.g. "7.52.0"
 */
record TargetPackage(String name, String version) {
    /** Package names and versions as Datadog writes them: no space, no control character, no separator of ours. */
    private static final Pattern PART = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+~:-]*");

    /** "datadog-agent@7.52.0". */
    @Override
    public String toString() {
        return name + "@" + version;
    }

    /**
     * {@code targetPackages}: "name@version", several separated by commas.
     *
     * @throws ConfigurationException naming the setting, when an entry is not of that form
     */
    static List<TargetPackage> parse(Setting<String> setting) {
        String value = setting.value();
        if (value == null) {
            return List.of();
        }
        List<TargetPackage> packages = new ArrayList<>();
        LinkedHashSet<String> names = new LinkedHashSet<>();
        for (String entry : value.split(",", -1)) {
            String item = entry.strip();
            int at = item.indexOf('@');
            String name = at < 0 ? "" : item.substring(0, at);
            String version = at < 0 ? "" : item.substring(at + 1);
            if (!PART.matcher(name).matches() || !PART.matcher(version).matches()) {
                throw new ConfigurationException(setting.name() + " '" + Quoted.of(value) + "' has the entry '"
                        + Quoted.of(item) + "': write each package as name@version (datadog-agent@7.52.0),"
                        + " several separated by commas.");
            }
            if (!names.add(name)) {
                throw new ConfigurationException(setting.name() + " '" + Quoted.of(value) + "' names the package '"
                        + name + "' twice: give each package once.");
            }
            packages.add(new TargetPackage(name, version));
        }
        return List.copyOf(packages);
    }
}
