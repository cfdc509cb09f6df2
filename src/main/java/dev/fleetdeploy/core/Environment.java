package dev.fleetdeploy.core;

import java.util.Map;
import java.util.Optional;

/** Environment variables, behind an interface so that tests never depend on (or leak) the real ones. */
@FunctionalInterface
public interface Environment {

    /** The variable's value; a blank value counts as unset. */
    Optional<String> lookup(String name);

    default Optional<String> get(String name) {
        return lookup(name).filter(value -> !value.isBlank());
    }

    static Environment system() {
        return name -> Optional.ofNullable(System.getenv(name));
    }

    static Environment of(Map<String, String> variables) {
        Map<String, String> copy = Map.copyOf(variables);
        return name -> Optional.ofNullable(copy.get(name));
    }
}
