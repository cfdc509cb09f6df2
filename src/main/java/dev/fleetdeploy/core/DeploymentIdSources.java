package dev.fleetdeploy.core;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Where a target's deployment ids are written, as the user gave them, or {@code select}, which stands instead of them.
 * They are read and checked only once the provider and its settings are known, so that a more basic mistake (no
 * provider, an operation the provider lacks) is reported first.
 *
 * @param commaSeparated one id, or several separated by commas ({@code deploymentId})
 * @param list ids one by one ({@code deploymentIds})
 * @param file a file of ids, one a line ({@code deploymentIdFile})
 * @param select {@code active}: the deployments the API reports as active, instead of ids ({@code select})
 */
public record DeploymentIdSources(
        Setting<String> commaSeparated, Setting<List<String>> list, Setting<Path> file, Setting<String> select) {

    /** Ids only, no {@code select}. */
    public DeploymentIdSources(Setting<String> commaSeparated, Setting<List<String>> list, Setting<Path> file) {
        this(commaSeparated, list, file, Setting.unset("select"));
    }

    /**
     * Whether {@code select=active} stands instead of ids.
     *
     * @throws ConfigurationException when {@code select} has another value, or ids are given too
     */
    public boolean selectsActive() {
        String value = select.value();
        if (value == null) {
            return false;
        }
        if (!value.strip().toLowerCase(Locale.ROOT).equals("active")) {
            throw new ConfigurationException(select.name() + " is '" + Quoted.of(value)
                    + "': the one selection there is, is active (the deployments the API reports as active).");
        }
        if (commaSeparated.isSet() || list.isSet() || file.isSet()) {
            throw new ConfigurationException(select.name() + " is active, and deployment ids are given too ("
                    + commaSeparated.name() + ", " + list.name() + " or " + file.name()
                    + "): the selection stands instead of ids, so give one or the other.");
        }
        return true;
    }

    /**
     * Reads and checks the ids (a file is read on every call).
     *
     * @throws ConfigurationException when there is none, or one is blank or malformed
     */
    public List<DeploymentId> collect() {
        return DeploymentIds.collect(this);
    }
}
