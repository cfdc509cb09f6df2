package dev.fleetdeploy.testing;

import dev.fleetdeploy.core.DeploymentIdSources;
import dev.fleetdeploy.core.Setting;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * A target's deployment ids for a test below the Mojo, as the user would write them.
 *
 * @param commaSeparated {@code deploymentId}, or null
 * @param list {@code deploymentIds}, or null
 * @param file {@code deploymentIdFile}, or null
 */
public record TestIds(String commaSeparated, List<String> list, Path file) {
    public static final TestIds NONE = new TestIds(null, null, null);

    public static TestIds of(String commaSeparated) {
        return new TestIds(commaSeparated, null, null);
    }

    /** The sources, each parameter named by {@code naming} ("deploymentId (-Dfleet.deploymentId)"). */
    public DeploymentIdSources sources(Function<String, String> naming) {
        return new DeploymentIdSources(
                setting(naming.apply("deploymentId"), commaSeparated),
                setting(
                        naming.apply("deploymentIds"),
                        list == null ? null : Collections.unmodifiableList(new ArrayList<>(list))),
                setting(naming.apply("deploymentIdFile"), file));
    }

    private static <T> Setting<T> setting(String name, T value) {
        return value == null ? Setting.unset(name) : Setting.of(name, value);
    }
}
