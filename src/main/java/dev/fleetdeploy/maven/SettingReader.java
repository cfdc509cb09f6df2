package dev.fleetdeploy.maven;

import dev.fleetdeploy.core.Quoted;
import dev.fleetdeploy.core.Secret;
import dev.fleetdeploy.core.Setting;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns an injected parameter into a typed {@link Setting}, named as {@link ParameterNames} says: trimmed, blank as
 * unset, and a {@code ${...}} expression Maven could not resolve refused (sending it would only earn a puzzling 401).
 */
final class SettingReader {
    private static final Pattern UNRESOLVED_EXPRESSION = Pattern.compile("\\$\\{[^}]*}");

    private final ParameterNames names;

    SettingReader(ParameterNames names) {
        this.names = names;
    }

    Setting<String> text(String parameter, String raw) {
        String name = names.describe(parameter, true);
        if (raw == null || raw.isBlank()) {
            return Setting.unset(name);
        }
        String value = raw.strip();
        if (UNRESOLVED_EXPRESSION.matcher(value).find()) {
            return Setting.refused(
                    name,
                    name + " is '" + Quoted.of(value) + "', an expression that was not resolved:"
                            + " set the variable or property it names, or remove the parameter.");
        }
        return Setting.of(name, value);
    }

    Setting<Secret> secret(String parameter, SecretParameter raw) {
        return text(parameter, raw == null ? null : raw.reveal()).map(Secret::of);
    }

    Setting<Path> file(String parameter, File file) {
        String name = names.describe(parameter, true);
        return file == null ? Setting.unset(name) : Setting.of(name, file.toPath());
    }

    /** A list as given: blank entries stay, for the provider to name by their position. */
    Setting<List<String>> list(String parameter, List<String> list) {
        String name = names.describe(parameter, false);
        return list == null
                ? Setting.unset(name)
                : Setting.of(name, Collections.unmodifiableList(new ArrayList<>(list)));
    }
}
