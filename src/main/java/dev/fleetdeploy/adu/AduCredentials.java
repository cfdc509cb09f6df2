package dev.fleetdeploy.adu;

import dev.fleetdeploy.core.CommonSettings;
import dev.fleetdeploy.core.ConfigurationException;
import dev.fleetdeploy.core.Environment;
import dev.fleetdeploy.core.NamedServer;
import dev.fleetdeploy.core.Secret;
import dev.fleetdeploy.core.SecretMasker;
import dev.fleetdeploy.core.ServerLookup;
import dev.fleetdeploy.core.Setting;
import dev.fleetdeploy.core.SettingLookup;
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

    private final AduSettings settings;
    private final Setting<String> serverId;
    private final Environment env;
    private final NamedServer server;

    private AduCredentials(CommonSettings common, AduSettings settings, Environment env, ServerLookup servers) {
        this.settings = settings;
        this.serverId = common.serverId();
        this.env = env;
        this.server = NamedServer.find(serverId, servers, "<username> the client id, <password> the client secret");
    }

    /** Resolves and checks the credential; every secret is registered with {@code masker} as soon as it is found. */
    static AzureCredential resolve(
            CommonSettings common, AduSettings settings, Environment env, ServerLookup servers, SecretMasker masker) {
        return new AduCredentials(common, settings, env, servers).resolve(masker);
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
                place(PARAMETER, settings.accessToken().name(), () -> revealed(settings.accessToken())),
                place(ENVIRONMENT, env(AduEnvironment.ACCESS_TOKEN), () -> env.get(AduEnvironment.ACCESS_TOKEN)));
        Optional<Candidate> secret = candidate(
                1,
                place(PARAMETER, settings.clientSecret().name(), () -> revealed(settings.clientSecret())),
                place(SERVER, server.passwordPlace(), server::password),
                place(ENVIRONMENT, env(AduEnvironment.CLIENT_SECRET), () -> env.get(AduEnvironment.CLIENT_SECRET)));
        Optional<Candidate> tokenFile = candidate(
                2,
                place(
                        PARAMETER,
                        settings.federatedTokenFile().name(),
                        () -> settings.federatedTokenFile().optional()),
                place(
                        ENVIRONMENT,
                        env(AduEnvironment.FEDERATED_TOKEN_FILE),
                        () -> env.get(AduEnvironment.FEDERATED_TOKEN_FILE)));
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
                .then(settings.clientId().name(), () -> settings.clientId().optional())
                .then(server.usernamePlace(), server::username)
                .then(env(AduEnvironment.CLIENT_ID), () -> env.get(AduEnvironment.CLIENT_ID))
                .find()
                .orElseThrow(() -> new ConfigurationException("No client id to go with the " + what(proof) + " from "
                        + proof.origin() + ": set " + settings.clientId().name()
                        + ", the <username> of the serverId server, or "
                        + AduEnvironment.CLIENT_ID + "."));
        SettingLookup.Found tenant = lookup("Azure tenant id")
                .then(settings.tenantId().name(), () -> settings.tenantId().optional())
                .then(env(AduEnvironment.TENANT_ID), () -> env.get(AduEnvironment.TENANT_ID))
                .find()
                .orElseThrow(() -> new ConfigurationException("No tenant id to go with the " + what(proof) + " from "
                        + proof.origin() + ": set " + settings.tenantId().name() + " or " + AduEnvironment.TENANT_ID
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
                .then(
                        settings.authorityHost().name(),
                        () -> settings.authorityHost().optional())
                .then(env(AduEnvironment.AUTHORITY_HOST), () -> env.get(AduEnvironment.AUTHORITY_HOST))
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
        return "No Azure credentials found: set " + settings.accessToken().name() + " or " + AduEnvironment.ACCESS_TOKEN
                + " to a ready token; or a client secret with "
                + settings.clientId().name() + ", "
                + settings.clientSecret().name() + " and " + settings.tenantId().name()
                + " (or a settings.xml server named by "
                + serverId.name() + ", or " + AduEnvironment.CLIENT_ID + ", " + AduEnvironment.CLIENT_SECRET
                + " and "
                + AduEnvironment.TENANT_ID + "); or workload identity with "
                + settings.federatedTokenFile().name() + " or "
                + AduEnvironment.FEDERATED_TOKEN_FILE + ", with the client and tenant ids.";
    }

    /** A secret setting's text, for a lookup that also reads the settings server and the environment. */
    private static Optional<String> revealed(Setting<Secret> setting) {
        return setting.optional().map(Secret::reveal);
    }

    private static SettingLookup lookup(String what) {
        return SettingLookup.of(what);
    }

    private static String env(String name) {
        return "the " + name + " environment variable";
    }
}
