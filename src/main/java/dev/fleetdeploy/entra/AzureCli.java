package dev.fleetdeploy.entra;

import dev.fleetdeploy.core.Environment;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The Azure CLI's signed-in account ({@code az login}, or GitHub Actions' {@code azure/login}).
 *
 * @param executable the {@code az} found on the PATH
 * @param tenantId the tenant the account must be signed into, or null for any
 * @param why why this credential was chosen, for the log
 */
public record AzureCli(Path executable, String tenantId, String why) implements AzureCredential {
    /** How long {@code az account get-access-token} may take before it is stopped. */
    public static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** {@code az} (Windows: {@code az.cmd}) in the first folder of the environment's PATH that has it. */
    public static Optional<Path> find(Environment env) {
        boolean windows =
                System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        Optional<String> path = env.get("PATH").or(() -> env.get("Path"));
        if (path.isEmpty()) {
            return Optional.empty();
        }
        for (String folder : path.get().split(File.pathSeparator)) {
            if (folder.isBlank()) {
                continue;
            }
            try {
                Path candidate = Path.of(folder.strip(), windows ? "az.cmd" : "az");
                if (Files.isRegularFile(candidate) && (windows || Files.isExecutable(candidate))) {
                    return Optional.of(candidate);
                }
            } catch (InvalidPathException e) {
                // A folder that cannot be a path holds no az.
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "AzureCli[" + executable + "]";
    }
}
