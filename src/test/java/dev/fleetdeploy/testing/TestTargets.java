package dev.fleetdeploy.testing;

import dev.fleetdeploy.core.TargetName;
import dev.fleetdeploy.maven.ParameterNames;
import dev.fleetdeploy.maven.SecretParameter;
import dev.fleetdeploy.maven.TargetParameters;
import dev.fleetdeploy.providers.TargetSettings;
import java.io.File;
import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A target's typed settings for a test below the Mojo, from parameter names and values: the fields of
 * {@link TargetParameters} are set as Maven's configurator sets them, and turned into settings by the same code as
 * in a goal.
 */
public final class TestTargets {
    /** Names every parameter by its bare name ("site"). */
    public static final Function<String, String> PLAIN = parameter -> parameter;

    /** Names parameters as the goal does at the top level ("site (-Dfleet.site)"). */
    public static final Function<String, String> PROPERTIES =
            parameter -> ParameterNames.TOP_LEVEL.describe(parameter, true);

    private TestTargets() {}

    /** The top-level target, parameters named by their bare names. */
    public static TargetSettings of(Map<String, String> values, TestIds ids) {
        return of(null, values, ids, PLAIN);
    }

    /**
     * @param label null for the top level; "target 'x'" for a named target; any other text for a numbered one
     */
    public static TargetSettings of(
            String label, Map<String, String> values, TestIds ids, Function<String, String> naming) {
        TargetParameters parameters = new TargetParameters();
        values.forEach((name, value) -> set(parameters, name, value));
        set(parameters, "deploymentId", ids.commaSeparated());
        set(parameters, "deploymentIds", ids.list());
        set(
                parameters,
                "deploymentIdFile",
                ids.file() == null ? null : ids.file().toFile());
        return parameters.settings(name(label), (parameter, hasProperty) -> naming.apply(parameter));
    }

    private static TargetName name(String label) {
        if (label == null) {
            return TargetName.TOP_LEVEL;
        }
        if (label.startsWith("target '") && label.endsWith("'")) {
            return TargetName.named(label.substring(8, label.length() - 1));
        }
        return new TargetName(label, label);
    }

    private static void set(TargetParameters parameters, String name, Object value) {
        try {
            Field field = TargetParameters.class.getDeclaredField(name);
            field.setAccessible(true);
            Object typed = value;
            if (value != null && field.getType() == SecretParameter.class) {
                typed = new SecretParameter((String) value);
            } else if (value instanceof String text && field.getType() == File.class) {
                typed = new File(text);
            } else if (value instanceof List<?> list) {
                typed = list;
            }
            field.set(parameters, typed);
        } catch (NoSuchFieldException e) {
            throw new IllegalArgumentException("no parameter named " + name, e);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
