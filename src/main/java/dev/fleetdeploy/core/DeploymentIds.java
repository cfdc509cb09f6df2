package dev.fleetdeploy.core;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Gathers the deployment ids of one target from its three sources, in order: the comma-separated
 * {@code deploymentId}, the {@code deploymentIds} list and the {@code deploymentIdFile}. Repeated ids are kept once.
 */
public final class DeploymentIds {
    /** An id file larger than this is not one (10,000 ids of 100 characters fit). */
    static final long MAX_FILE_BYTES = 1024L * 1024;
    /** Ids one execution takes from a file at most. */
    static final int MAX_IDS = 10_000;

    private DeploymentIds() {}

    public static List<DeploymentId> collect(DeploymentIdSources sources) {
        Set<DeploymentId> ids = new LinkedHashSet<>();
        String commaSeparated = sources.commaSeparated().value();
        if (commaSeparated != null && !commaSeparated.isBlank()) {
            ids.addAll(fromCommaList(commaSeparated, sources.commaSeparated().name()));
        }
        List<String> list = sources.list().value();
        if (list != null) {
            String origin = sources.list().name();
            for (int i = 0; i < list.size(); i++) {
                String entry = list.get(i);
                if (entry == null || entry.isBlank()) {
                    throw new ConfigurationException("Entry " + (i + 1) + " of " + origin
                            + " is blank: remove it or fill in the deployment id.");
                }
                ids.add(DeploymentId.parse(entry, origin));
            }
        }
        Path file = sources.file().value();
        if (file != null) {
            ids.addAll(fromFile(file, sources.file().name()));
        }
        if (ids.isEmpty()) {
            throw new ConfigurationException(
                    "No deployment id: set " + sources.commaSeparated().name() + ", "
                            + sources.list().name() + " or " + sources.file().name() + ".");
        }
        return List.copyOf(ids);
    }

    static List<DeploymentId> fromCommaList(String value, String origin) {
        String[] parts = value.split(",", -1);
        List<DeploymentId> ids = new ArrayList<>(parts.length);
        for (String part : parts) {
            if (part.isBlank()) {
                // Usually a template with an unset variable ("${A},${B}"): sending the rest would hide it.
                throw new ConfigurationException(origin + " '" + Quoted.of(value)
                        + "' has an empty entry: give every id, separated by single commas.");
            }
            ids.add(DeploymentId.parse(part, origin));
        }
        return ids;
    }

    static List<DeploymentId> fromFile(Path file, String origin) {
        if (!Files.exists(file)) {
            throw new ConfigurationException(origin + " '" + file + "' does not exist: check the path"
                    + " (a relative path is taken from the project folder) and that the step that writes the ids ran.");
        }
        if (!Files.isRegularFile(file)) {
            throw new ConfigurationException(
                    origin + " '" + file + "' is not a file: give the file that holds the ids, one a line.");
        }
        List<String> lines;
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new ConfigurationException(origin + " '" + file + "' is " + (Files.size(file) + 1023) / 1024
                        + " KB, more than the " + MAX_FILE_BYTES / 1024
                        + " KB an id file may hold: check that it is the file of deployment ids.");
            }
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new ConfigurationException(
                    origin + " '" + file + "' is not UTF-8 text: write the ids as plain text, one a line.");
        } catch (IOException e) {
            throw new ConfigurationException(
                    origin + " '" + file + "' cannot be read (" + e.getMessage() + "): check its permissions.");
        }
        List<DeploymentId> ids = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1).strip();
            }
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            ids.add(DeploymentId.parse(line, origin + " '" + file + "' line " + (i + 1)));
        }
        if (ids.size() > MAX_IDS) {
            throw new ConfigurationException(origin + " '" + file + "' holds " + ids.size() + " ids, more than the "
                    + MAX_IDS + " one execution takes: split it, or check that it is the file of deployment ids.");
        }
        if (ids.isEmpty()) {
            throw new ConfigurationException(
                    origin + " '" + file + "' holds no deployment id (only blank lines and # comments):"
                            + " check the step that writes it.");
        }
        return ids;
    }
}
