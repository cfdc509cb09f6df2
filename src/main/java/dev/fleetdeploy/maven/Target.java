package dev.fleetdeploy.maven;

/**
 * One entry of {@code <targets>}: a provider, site or account, credentials and deployments of its own, for working
 * on several of them in one execution. It takes every parameter of {@link TargetParameters}; what it leaves out it
 * takes from the goal, a group at a time ({@link InheritedTogether}).
 */
public class Target extends TargetParameters {
    /** How messages and the report name this target; default {@code targets[N]}. */
    private String name;

    String name() {
        return name;
    }

    @Override
    public String toString() {
        // Maven's -X output prints configured objects: name no credential.
        return "Target[" + (name == null ? "" : name) + "]";
    }
}
