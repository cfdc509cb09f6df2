package dev.fleetdeploy.maven;

import dev.fleetdeploy.core.TargetName;
import dev.fleetdeploy.providers.TargetSettings;
import java.io.File;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns the goal's parameters and its {@code targets} into one {@link TargetSettings} per target. A target inherits
 * what it does not set, but a group at a time ({@link InheritedTogether}); it works on the parameter fields of
 * {@link TargetParameters} as Maven's own configurator does, so that a new parameter needs no line here.
 */
public final class TargetSettingsFactory {
    private static final List<Field> FIELDS = Arrays.stream(TargetParameters.class.getDeclaredFields())
            .filter(field -> !Modifier.isStatic(field.getModifiers()) && !field.isSynthetic())
            .peek(field -> field.setAccessible(true))
            .toList();
    private static final Map<InheritedTogether.Group, List<Field>> GROUPS = FIELDS.stream()
            .filter(field -> field.isAnnotationPresent(InheritedTogether.class))
            .collect(Collectors.groupingBy(
                    field -> field.getAnnotation(InheritedTogether.class).value()));

    private TargetSettingsFactory() {}

    /** One settings per target; the goal's own when there is no {@code targets} list. */
    public static List<TargetSettings> build(TargetParameters top, List<Target> targets) {
        if (targets == null || targets.isEmpty()) {
            return List.of(top.settings(TargetName.TOP_LEVEL, ParameterNames.TOP_LEVEL));
        }
        List<TargetSettings> result = new ArrayList<>(targets.size());
        for (int i = 0; i < targets.size(); i++) {
            Target target = targets.get(i);
            String name = target.name();
            TargetName targetName =
                    name == null || name.isBlank() ? TargetName.numbered(i + 1) : TargetName.named(name.strip());
            Set<String> own = new HashSet<>();
            TargetParameters merged = inherit(top, target, own);
            result.add(merged.settings(targetName, ParameterNames.of(targetName, own)));
        }
        return result;
    }

    /**
     * The target's parameters, with what it does not set taken from {@code top}.
     *
     * @param own receives the names of the parameters that are the target's: those it sets, those of a group it
     *     sets any of, and those the goal does not set either (the target is where to set them)
     */
    private static TargetParameters inherit(TargetParameters top, Target target, Set<String> own) {
        for (Field field : FIELDS) {
            if (sets(target, field) || !sets(top, field)) {
                own.add(field.getName());
            }
        }
        for (List<Field> group : GROUPS.values()) {
            if (group.stream().anyMatch(field -> sets(target, field))) {
                group.forEach(field -> own.add(field.getName()));
            }
        }
        TargetParameters merged = new TargetParameters();
        for (Field field : FIELDS) {
            // Where the goal sets nothing, the target's own (unset) value is as good as the goal's.
            copy(field, own.contains(field.getName()) ? target : top, merged);
        }
        return merged;
    }

    /** Whether the parameter holds a value: a non-blank text or secret, a non-empty list, a file. */
    private static boolean sets(TargetParameters parameters, Field field) {
        Object value = get(field, parameters);
        if (value instanceof String text) {
            return !text.isBlank();
        }
        if (value instanceof SecretParameter secret) {
            return secret.reveal() != null && !secret.reveal().isBlank();
        }
        if (value instanceof Collection<?> list) {
            return !list.isEmpty();
        }
        return value instanceof File;
    }

    private static Object get(Field field, TargetParameters from) {
        try {
            return field.get(from);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read parameter " + field.getName(), e);
        }
    }

    private static void copy(Field field, TargetParameters from, TargetParameters to) {
        try {
            field.set(to, field.get(from));
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot copy parameter " + field.getName(), e);
        }
    }
}
