package dev.fleetdeploy.maven;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

/**
 * Marks a parameter that a {@code <targets>} entry takes from the goal only together with the rest of its group: an
 * entry that sets any parameter of the group uses only its own of that group. Its own {@code serverId} must not be
 * beaten by an inherited {@code apiKey}, nor its own {@code site} by an inherited {@code baseUrl}, nor its own ids be
 * added to the goal's. Parameters without a group are inherited one by one.
 */
@Retention(RetentionPolicy.RUNTIME)
@java.lang.annotation.Target(ElementType.FIELD)
@interface InheritedTogether {
    Group value();

    enum Group {
        DEPLOYMENT_IDS,
        CREDENTIALS,
        LOCATION
    }
}
