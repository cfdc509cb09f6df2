package dev.fleetdeploy.maven;

import dev.fleetdeploy.core.TargetName;
import java.util.Set;

/**
 * How messages name a parameter, so that they say exactly what to change: "site (-Dfleet.site)" at the top level,
 * "site of target 'eu'" for what a {@code <targets>} entry sets itself (or must set, as the goal does not).
 */
@FunctionalInterface
public interface ParameterNames {

    /**
     * @param hasProperty whether the parameter can be given as {@code -Dfleet.<name>} (lists cannot)
     */
    String describe(String parameter, boolean hasProperty);

    /** The goal's own parameters: "site (-Dfleet.site)", "deploymentIds". */
    ParameterNames TOP_LEVEL =
            (parameter, hasProperty) -> hasProperty ? parameter + " (-Dfleet." + parameter + ")" : parameter;

    /** A target's: its own parameters by its label, the inherited ones as the goal's. */
    static ParameterNames of(TargetName target, Set<String> own) {
        return (parameter, hasProperty) -> own.contains(parameter)
                ? parameter + " of " + target.label()
                : TOP_LEVEL.describe(parameter, hasProperty);
    }
}
