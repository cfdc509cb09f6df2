package dev.fleetdeploy.core;

/**
 * How the front end names a parameter to the user, so that every message says exactly what to change:
 * the Maven front end answers "site (-Dfleet.site)" for the top level and "targets[2].site" inside a target.
 */
@FunctionalInterface
public interface ParameterNaming {
    ParameterNaming PLAIN = parameter -> parameter;

    String describe(String parameter);
}
