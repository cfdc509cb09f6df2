package dev.fleetdeploy.core;

/**
 * How one target of an execution is named: by its {@code name} in the report ("agents", or "targets[2]" when it has
 * none) and by its {@code label} in messages ("target 'agents'", "targets[2]"). The top-level configuration, the only
 * target when there is no {@code targets} list, has neither.
 */
public record TargetName(String name, String label) {
    public static final TargetName TOP_LEVEL = new TargetName(null, null);

    /** A target the user named. */
    public static TargetName named(String name) {
        return new TargetName(name, "target '" + name + "'");
    }

    /** An unnamed target, by its position (1 for the first). */
    public static TargetName numbered(int position) {
        String label = "targets[" + position + "]";
        return new TargetName(label, label);
    }

    public boolean isTopLevel() {
        return label == null;
    }

    /** "target 'agents': ", or nothing for the top level, to lead a message. */
    public String prefix() {
        return label == null ? "" : label + ": ";
    }
}
