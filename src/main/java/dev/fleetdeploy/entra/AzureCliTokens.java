package dev.fleetdeploy.entra;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fleetdeploy.core.OperationFailure;
import dev.fleetdeploy.core.PlannedRequest;
import dev.fleetdeploy.core.Secret;
import dev.fleetdeploy.core.SecretMasker;
import dev.fleetdeploy.core.UnreachableException;
import dev.fleetdeploy.core.WireText;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A token from the Azure CLI: {@code az account get-access-token --resource <resource> --output json}, run at most
 * {@link AzureCli#TIMEOUT} and stopped after it, once per execution (renewed before it expires). Its output holds the
 * token, so it is never logged; its error output is, cleaned and masked, when it fails.
 */
public final class AzureCliTokens implements TokenSource {
    /** More than any answer of az; a runaway one is cut. */
    private static final int MAX_OUTPUT = 1024 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter EXPIRES_ON = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSSSSS]");

    private final AzureCli cli;
    private final String resource;
    private final SecretMasker masker;
    private final Duration timeout;

    private final TokenCache cache;

    /** @param resource what the token is for ("https://api.adu.microsoft.com/") */
    public AzureCliTokens(AzureCli cli, String resource, SecretMasker masker, Clock clock) {
        this(cli, resource, masker, clock, AzureCli.TIMEOUT);
    }

    AzureCliTokens(AzureCli cli, String resource, SecretMasker masker, Clock clock, Duration timeout) {
        this.cli = cli;
        this.resource = resource;
        this.masker = masker;
        this.cache = new TokenCache(masker, clock, "the Azure CLI");
        this.timeout = timeout;
    }

    /** The command, as run. */
    List<String> command() {
        return List.of(
                cli.executable().toString(), "account", "get-access-token", "--resource", resource, "--output", "json");
    }

    @Override
    public Issued issue() throws OperationFailure {
        return cache.issue(this::fetch);
    }

    private TokenCache.Fresh fetch() throws OperationFailure {
        JsonNode answer = run();
        String accessToken = answer.path("accessToken").asText("");
        if (accessToken.isBlank()) {
            throw failure("its output has no accessToken", "Update the Azure CLI (az upgrade) and try again.");
        }
        // Masked before anything else is said about it, a refusal included.
        masker.register(Secret.of(accessToken));
        String tenant = answer.path("tenant").asText("");
        if (cli.tenantId() != null && !tenant.isEmpty() && !tenant.equalsIgnoreCase(cli.tenantId())) {
            throw failure(
                    "the Azure CLI is logged into tenant '" + tenant + "', not '" + cli.tenantId() + "' (tenantId)",
                    "Run az login --tenant " + cli.tenantId() + " (azure/login: its tenant-id), or correct"
                            + " tenantId.");
        }
        return new TokenCache.Fresh(accessToken, lifetime(answer), 0);
    }

    private JsonNode run() throws OperationFailure {
        Process process;
        try {
            process = new ProcessBuilder(command())
                    .redirectInput(ProcessBuilder.Redirect.PIPE)
                    .start();
        } catch (IOException e) {
            throw failure(
                    "az could not be started (" + e.getClass().getSimpleName() + ")",
                    "Check that " + cli.executable() + " is the Azure CLI and can be run.");
        }
        try {
            process.getOutputStream().close();
            CompletableFuture<byte[]> out = read(process.getInputStream());
            CompletableFuture<byte[]> err = read(process.getErrorStream());
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                stop(process);
                throw failure(
                        "az account get-access-token did not finish within " + timeout.toSeconds()
                                + " s and was stopped",
                        "Run az account get-access-token by hand to see what it waits for (a login prompt?).");
            }
            byte[] output = out.get(5, TimeUnit.SECONDS);
            String errors = new String(err.get(5, TimeUnit.SECONDS), StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw refused(process.exitValue(), errors);
            }
            try {
                JsonNode answer = JSON.readTree(output);
                if (answer != null && answer.isObject()) {
                    return answer;
                }
            } catch (JsonProcessingException e) {
                // Reported below, without the output: it could hold the token.
            }
            throw failure("its output is not JSON", "Run az account get-access-token --output json by hand.");
        } catch (InterruptedException e) {
            stop(process);
            Thread.currentThread().interrupt();
            throw new UnreachableException("interrupted while az ran", "The build was stopped.", e);
        } catch (ExecutionException | TimeoutException | IOException e) {
            stop(process);
            throw failure("az's output could not be read (" + e.getClass().getSimpleName() + ")", "Try again.");
        }
    }

    /** Not logged in, logged out, or another failure: az's own words, first line, cleaned and masked. */
    private OperationFailure refused(int exit, String errors) {
        String first = errors.lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .findFirst()
                .orElse("");
        String said = masker.mask(WireText.clean(first));
        if (errors.contains("az login") || errors.contains("AADSTS70043") || errors.contains("AADSTS700082")) {
            return failure(
                    "the Azure CLI is not logged in" + (said.isEmpty() ? "" : ": " + said),
                    "Run az login" + (cli.tenantId() == null ? "" : " --tenant " + cli.tenantId())
                            + " first (in GitHub Actions: the azure/login step), in the same user account.");
        }
        return failure(
                "az account get-access-token failed (exit " + exit + ")" + (said.isEmpty() ? "" : ": " + said),
                "Run az account get-access-token --resource " + resource + " by hand to see why.");
    }

    private OperationFailure failure(String what, String hint) {
        return new UnreachableException("the Azure CLI gave no token: " + what, hint, null);
    }

    private static CompletableFuture<byte[]> read(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                byte[] kept = stream.readNBytes(MAX_OUTPUT);
                stream.transferTo(java.io.OutputStream.nullOutputStream());
                return kept;
            } catch (IOException e) {
                return new byte[0];
            }
        });
    }

    private static void stop(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /** {@code expires_on} (seconds since 1970, newer az) or {@code expiresOn} (local time); else an hour. */
    private static Duration lifetime(JsonNode answer) {
        Instant now = Instant.now();
        JsonNode epoch = answer.path("expires_on");
        if (epoch.canConvertToLong() || epoch.asText("").strip().matches("\\d{1,12}")) {
            long seconds = epoch.canConvertToLong()
                    ? epoch.asLong()
                    : Long.parseLong(epoch.asText().strip());
            return positive(Duration.between(now, Instant.ofEpochSecond(seconds)));
        }
        String local = answer.path("expiresOn").asText("");
        try {
            Instant at = LocalDateTime.parse(local, EXPIRES_ON)
                    .atZone(ZoneId.systemDefault())
                    .toInstant();
            return positive(Duration.between(now, at));
        } catch (DateTimeParseException e) {
            return Duration.ofHours(1);
        }
    }

    private static Duration positive(Duration duration) {
        return duration.isNegative() ? Duration.ZERO : duration;
    }

    @Override
    public String describe() {
        return "the Azure CLI's signed-in account (" + cli.executable() + " account get-access-token"
                + (cli.why().isEmpty() ? "" : "; " + cli.why()) + ")";
    }

    @Override
    public Optional<PlannedRequest> plan() {
        return Optional.of(new PlannedRequest(
                "RUN",
                String.join(" ", command()),
                List.of(),
                "once per execution, for the token (not run in a dry run)"));
    }

    @Override
    public String toString() {
        return "AzureCliTokens[" + cli.executable() + "]";
    }
}
