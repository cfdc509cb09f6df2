package dev.fleetdeploy.adu;

import static dev.fleetdeploy.adu.AduParameters.ACCESS_TOKEN;
import static dev.fleetdeploy.adu.AduParameters.AUTHORITY_HOST;
import static dev.fleetdeploy.adu.AduParameters.CLIENT_ID;
import static dev.fleetdeploy.adu.AduParameters.CLIENT_SECRET;
import static dev.fleetdeploy.adu.AduParameters.ENV_ACCESS_TOKEN;
import static dev.fleetdeploy.adu.AduParameters.ENV_AUTHORITY_HOST;
import static dev.fleetdeploy.adu.AduParameters.ENV_CLIENT_ID;
import static dev.fleetdeploy.adu.AduParameters.ENV_CLIENT_SECRET;
import static dev.fleetdeploy.adu.AduParameters.ENV_FEDERATED_TOKEN_FILE;
import static dev.fleetdeploy.adu.AduParameters.ENV_TENANT_ID;
import static dev.fleetdeploy.adu.AduParameters.FEDERATED_TOKEN_FILE;
import static dev.fleetdeploy.adu.AduParameters.TENANT_ID;

import dev.fleetdeploy.core.CommonParameters;
import dev.fleetdeploy.core.ConfigurationException;
import dev.fleetdeploy.core.Environment;
import dev.fleetdeploy.core.Quoted;
import dev.fleetdeploy.core.Secret;
import dev.fleetdeploy.core.SecretMasker;
import dev.fleetdeploy.core.ServerCredentials;
import dev.fleetdeploy.core.ServerLookup;
import dev.fleetdeploy.core.SettingLookup;
import dev.fleetdeploy.core.TargetSettings;
import dev.fleetdeploy.entra.AuthorityHost;
import dev.fleetdeploy.entra.AzureCredential;
import dev.fleetdeploy.entra.ClientCredential;
import dev.fleetdeploy.entra.ReadyToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the credential an ADU target authenticates with: a ready token, a client secret, or a federated token file
 * (workload identity). Each value comes from the first place that has one (parameter, settings server, environment);
 * when several kinds are configured, the one set in the most explicit place wins, and on a tie a ready token, then a
 * client secret, as Azure's SDKs prefer them.
 */
final class AduCredentials {
    /** A federated token is a JWT of a few KB; anything much larger is not one. */
    static final long MAX_TOKEN_FILE_BYTES = 64 * 1024;

    private static final Pattern TENANT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.-]{0,252}");
    private static final Pattern BEARER = Pattern.compile("(?i)^bearer\\s+");

    private final TargetSettings target;
    private final Environment env;
    private final Optional<ServerCredentials> server;
    private final String serverPlace;

    private AduCredentials(TargetSettings target, Environment env, ServerLookup servers) {
        this.target = target;
        this.env = env;
        Optional<String> serverId = target.value(CommonParameters.SERVER_ID);
        this.server = serverId.map(
                id -> servers.find(id)
                        .orElseThrow(
                                () -> new ConfigurationException(
                                        target.describe(CommonParameters.SERVER_ID) + " is '" + Quoted.of(id)
                                                + "', but " + servers.describe()
                                                + " has no <server> with that id: add one (<username> the client id, <password> the client secret) or correct the id.")));
        this.serverPlace = serverId.map(id -> "the <%s> of server '" + id + "' in " + servers.describe())
                .orElse("the <%s> of a " + servers.describe() + " server named by "
                        + target.describe(CommonParameters.SERVER_ID));
    }

    /** Resolves and checks the credential; every secret is registered with {@code masker} as soon as it is found. */
    static AzureCredential resolve(TargetSettings target, Environment env, ServerLookup servers, SecretMasker masker) {
        return new AduCredentials(target, env, servers).resolve(masker);
    }

    /** How explicitly a value was set: a parameter beats a settings server, which beats the environment. */
    private static final int PARAMETER = 0;

    private static final int SERVER = 1;
    private static final int ENVIRONMENT = 2;

    /** One kind of credential, where it was found and how explicitly. */
    private record Candidate(int rank, int level, SettingLookup.Found found) {}

    private AzureCredential resolve(SecretMasker masker) {
        Optional<Candidate> token = candidate(
                0,
                place(PARAMETER, target.describe(ACCESS_TOKEN), () -> target.value(ACCESS_TOKEN)),
                place(ENVIRONMENT, env(ENV_ACCESS_TOKEN), () -> env.get(ENV_ACCESS_TOKEN)));
        Optional<Candidate> secret = candidate(
                1,
                place(PARAMETER, target.describe(CLIENT_SECRET), () -> target.value(CLIENT_SECRET)),
                place(
                        SERVER,
                        String.format(serverPlace, "password"),
                        () -> server.flatMap(ServerCredentials::passwordValue)),
                place(ENVIRONMENT, env(ENV_CLIENT_SECRET), () -> env.get(ENV_CLIENT_SECRET)));
        Optional<Candidate> tokenFile = candidate(
                2,
                place(PARAMETER, target.describe(FEDERATED_TOKEN_FILE), () -> target.value(FEDERATED_TOKEN_FILE)),
                place(ENVIRONMENT, env(ENV_FEDERATED_TOKEN_FILE), () -> env.get(ENV_FEDERATED_TOKEN_FILE)));
        // Masked even when another credential wins: no output may show any secret the user configured.
        token.ifPresent(t -> masker.register(bearer(t.found())));
        secret.ifPresent(s -> masker.register(Secret.of(s.found().value())));
        Candidate chosen = Stream.of(token, secret, tokenFile)
                .flatMap(Optional::stream)
                .min(Comparator.comparingInt(Candidate::level).thenComparingInt(Candidate::rank))
                .orElseThrow(() -> new ConfigurationException(missingMessage()));
        SettingLookup.Found found = chosen.found();
        return switch (chosen.rank()) {
            case 0 -> new ReadyToken(masker.register(bearer(found)), found.origin());
            case 1 -> client(new ClientCredential.ClientSecret(Secret.of(found.value()), found.origin()));
            default ->
                client(new ClientCredential.FederatedToken(masker.register(readTokenFile(found)), found.origin()));
        };
    }

    /** A place a value may be set, and how explicitly. */
    private record Place(int level, String description, Supplier<Optional<String>> value) {}

    private static Place place(int level, String description, Supplier<Optional<String>> value) {
        return new Place(level, description, value);
    }

    /** The first place, in order, with a non-blank value. */
    private static Optional<Candidate> candidate(int rank, Place... places) {
        for (Place place : places) {
            Optional<String> value = place.value().get().map(String::strip).filter(v -> !v.isEmpty());
            if (value.isPresent()) {
                return Optional.of(
                        new Candidate(rank, place.level(), new SettingLookup.Found(value.get(), place.description())));
            }
        }
        return Optional.empty();
    }

    private ClientCredential client(ClientCredential.Proof proof) {
        SettingLookup.Found clientId = lookup("Azure client id")
                .then(target.describe(CLIENT_ID), () -> target.value(CLIENT_ID))
                .then(String.format(serverPlace, "username"), () -> server.flatMap(ServerCredentials::usernameValue))
                .then(env(ENV_CLIENT_ID), () -> env.get(ENV_CLIENT_ID))
                .find()
                .orElseThrow(() -> new ConfigurationException("No client id to go with the " + what(proof) + " from "
                        + proof.origin() + ": set " + target.describe(CLIENT_ID)
                        + ", the <username> of the serverId server, or "
                        + ENV_CLIENT_ID + "."));
        SettingLookup.Found tenant = lookup("Azure tenant id")
                .then(target.describe(TENANT_ID), () -> target.value(TENANT_ID))
                .then(env(ENV_TENANT_ID), () -> env.get(ENV_TENANT_ID))
                .find()
                .orElseThrow(() -> new ConfigurationException("No tenant id to go with the " + what(proof) + " from "
                        + proof.origin() + ": set " + target.describe(TENANT_ID) + " or " + ENV_TENANT_ID
                        + " to the directory (tenant) id of the app registration."));
        if (!TENANT.matcher(tenant.value()).matches()) {
            throw new ConfigurationException("The tenant id '" + tenant.value() + "' from " + tenant.origin()
                    + " is not a tenant id: give the directory (tenant) id, a GUID, or the tenant's domain name.");
        }
        if (clientId.value().chars().anyMatch(c -> Character.isISOControl(c) || Character.isWhitespace(c))) {
            throw new ConfigurationException("The client id from " + clientId.origin() + " contains a space or control"
                    + " character: give the application (client) id, a GUID.");
        }
        SettingLookup.Found authority = lookup("authority host")
                .then(target.describe(AUTHORITY_HOST), () -> target.value(AUTHORITY_HOST))
                .then(env(ENV_AUTHORITY_HOST), () -> env.get(ENV_AUTHORITY_HOST))
                .then("the default", () -> Optional.of(AuthorityHost.DEFAULT))
                .find()
                .orElseThrow();
        return new ClientCredential(
                AuthorityHost.parse(authority.value(), authority.origin()), tenant.value(), clientId.value(), proof);
    }

    private static String what(ClientCredential.Proof proof) {
        return proof instanceof ClientCredential.ClientSecret ? "client secret" : "federated token file";
    }

    /** A token as pasted, perhaps with its "Bearer " prefix; it must fit in a header. */
    private static Secret bearer(SettingLookup.Found found) {
        String value = BEARER.matcher(found.value()).replaceFirst("");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= 0x20 || c >= 0x7f) {
                throw new ConfigurationException(
                        "The access token from " + found.origin()
                                + " contains a space, line break or other character that cannot be sent in an HTTP header: copy the token again.");
            }
        }
        return Secret.of(value);
    }

    private static Secret readTokenFile(SettingLookup.Found found) {
        String where = "The federated token file '" + found.value() + "' from " + found.origin();
        Path file;
        try {
            file = Path.of(found.value());
        } catch (InvalidPathException e) {
            throw new ConfigurationException(
                    where + " is not a valid path: give the path of the file your platform writes the token to.");
        }
        if (!Files.isRegularFile(file)) {
            throw new ConfigurationException(where + " does not exist or is not a file: check the path, and that the"
                    + " step that writes the token (workload identity, OIDC) ran before this one.");
        }
        try {
            if (Files.size(file) > MAX_TOKEN_FILE_BYTES) {
                throw new ConfigurationException(where + " is larger than " + MAX_TOKEN_FILE_BYTES / 1024
                        + " KB, which no federated token is: check the path.");
            }
            String content = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (content.isEmpty()) {
                throw new ConfigurationException(
                        where + " is empty: check that the step that writes the token ran before this one.");
            }
            return Secret.of(content);
        } catch (IOException e) {
            throw new ConfigurationException(
                    where + " cannot be read (" + e.getClass().getSimpleName() + "): check its permissions.");
        }
    }

    private String missingMessage() {
        return "No Azure credentials found: set " + target.describe(ACCESS_TOKEN) + " or " + ENV_ACCESS_TOKEN
                + " to a ready token; or a client secret with " + target.describe(CLIENT_ID) + ", "
                + target.describe(CLIENT_SECRET) + " and " + target.describe(TENANT_ID)
                + " (or a settings.xml server named by "
                + target.describe(CommonParameters.SERVER_ID) + ", or " + ENV_CLIENT_ID + ", " + ENV_CLIENT_SECRET
                + " and "
                + ENV_TENANT_ID + "); or workload identity with " + target.describe(FEDERATED_TOKEN_FILE) + " or "
                + ENV_FEDERATED_TOKEN_FILE + ", with the client and tenant ids.";
    }

    private static SettingLookup lookup(String what) {
        return SettingLookup.of(what);
    }

    private static String env(String name) {
        return "the " + name + " environment variable";
    }
}
