package dev.fleetdeploy.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * A fake {@code az} (a shell script) in a folder of its own, to put on the PATH: it answers
 * {@code account get-access-token} as the Azure CLI does (logged in, not logged in, failing, or hanging), and
 * records its arguments, how often it ran and its process id.
 *
 * <pre>
 * def az = FakeAzureCli.loggedIn(new File(basedir, 'az-bin').toPath(), 'it-cli-token-...', 'it-tenant')
 * // invoker.properties: invoker.environmentVariables.PATH = .../az-bin:...
 * </pre>
 */
public record FakeAzureCli(Path folder) {

    /** Logged in to {@code tenant}: prints a token for an hour. */
    public static FakeAzureCli loggedIn(Path folder, String token, String tenant) throws IOException {
        Instant expires = Instant.now().plusSeconds(3600);
        String local = LocalDateTime.ofInstant(expires, ZoneId.systemDefault())
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS"));
        String json = "{\n  \"accessToken\": \"" + token + "\",\n  \"expiresOn\": \"" + local
                + "\",\n  \"expires_on\": " + expires.getEpochSecond() + ",\n  \"subscription\": \"sub-1\",\n"
                + "  \"tenant\": \"" + tenant + "\",\n  \"tokenType\": \"Bearer\"\n}";
        return write(folder, "cat <<'JSON'\n" + json + "\nJSON\nexit 0\n");
    }

    /** What az says before {@code az login}. */
    public static FakeAzureCli notLoggedIn(Path folder) throws IOException {
        return write(folder, "echo \"ERROR: Please run 'az login' to setup account.\" >&2\nexit 1\n");
    }

    /** Fails with this error output and exit code. */
    public static FakeAzureCli failing(Path folder, int exit, String stderr) throws IOException {
        return write(folder, "cat >&2 <<'ERR'\n" + stderr + "\nERR\nexit " + exit + "\n");
    }

    /** Never answers (a login prompt, a hung network). */
    public static FakeAzureCli hanging(Path folder) throws IOException {
        return write(folder, "exec sleep 60\n");
    }

    private static FakeAzureCli write(Path folder, String body) throws IOException {
        Files.createDirectories(folder);
        Path script = folder.resolve("az");
        String text = "#!/bin/sh\n" + "echo \"$*\" > \"$(dirname \"$0\")/az.args\"\n"
                + "echo run >> \"$(dirname \"$0\")/az.runs\"\n" + "echo $$ > \"$(dirname \"$0\")/az.pid\"\n"
                + body;
        Files.writeString(script, text, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return new FakeAzureCli(folder);
    }

    /** The arguments of the last run, space-separated. */
    public String arguments() throws IOException {
        return Files.readString(folder.resolve("az.args")).strip();
    }

    /** How many times it ran. */
    public int runs() throws IOException {
        Path runs = folder.resolve("az.runs");
        return Files.exists(runs) ? (int) Files.readAllLines(runs).size() : 0;
    }

    /** The process id of the last run (its shell, which {@code exec}s what it waits in). */
    public long pid() throws IOException {
        return Long.parseLong(Files.readString(folder.resolve("az.pid")).strip());
    }
}
