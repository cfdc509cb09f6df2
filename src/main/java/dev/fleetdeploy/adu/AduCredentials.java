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
import dev.fleetdeploy.entra.AzureCli;
import dev.fleetdeploy.entra.AzureCredential;
import dev.fleetdeploy.entra.CertificateFile;
import dev.fleetdeploy.entra.ClientCredential;
import dev.fleetdeploy.entra.ImdsEndpoint;
import dev.fleetdeploy.entra.ManagedIdentitySource;
import dev.fleetdeploy.entra.ReadyToken;
import dev.fleetdeploy.http.ApiBaseUrl;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the credential an ADU target authenticates with, as {@code credential} says: one kind by name, which must
 * then work on its own (its failure is its own, never the next kind's), or {@code auto}.
 *
 * <p>{@code auto}: each value comes from the first place that has one (parameter, settings server, environment); of
 * a ready token, a client secret, a client certificate and a federated token file (workload identity), the one set in
 * the most explicit place wins, and on a tie they rank in that order, as Azure's {@code DefaultAzureCredential}
 * orders its environment and workload identity credentials. With none of them: a managed identity, where the
 * environment names its endpoint or the instance metadata endpoint answers a probe within 1 s; then the Azure CLI,
 * when {@code az} is on the PATH. With nothing at all, one message lists what was tried and why each did not apply.
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
    private final boolean mayProbe;
    private final AmbientIdentities ambient;

    /** @param mayProbe whether {@code auto} may ask the instance metadata endpoint whether it is there */
    AduCredentials(
            CommonSettings common, AduSettings settings, Environment env, ServerLookup servers, boolean mayProbe) {
        this.settings = settings;
        this.mayProbe = mayProbe;
        this.ambient = new AmbientIdentities(settings, env);
        this.serverId = common.serverId();
        this.env = env;
        this.server = NamedServer.find(serverId, servers, "<username> the client id, <password> the client secret");
    }

    /** How explicitly a value was set: a parameter beats a settings server, which beats the environment. */
    private static final int PARAMETER = 0;

    private static final int SERVER = 1;
    private static final int ENVIRONMENT = 2;

    /** One kind of credential, where it was found and how explicitly. */
    private record Candidate(CredentialKind kind, int level, SettingLookup.Found found) {}

    /** Resolves and checks the credential; every secret is registered with {@code masker} as soon as it is found. */
    AzureCredential resolve(SecretMasker masker) {
        CredentialKind kind = CredentialKind.parse(settings.credential());
        Optional<Candidate> token = candidate(
                CredentialKind.ACCESS_TOKEN,
                new Place(PARAMETER, settings.accessToken().name(), () -> revealed(settings.accessToken())),
                new Place(
                        ENVIRONMENT,
                        AduEnvironment.describe(AduEnvironment.ACCESS_TOKEN),
                        () -> env.get(AduEnvironment.ACCESS_TOKEN)));
        Optional<Candidate> secret = candidate(
                CredentialKind.CLIENT_SECRET,
                new Place(PARAMETER, settings.clientSecret().name(), () -> revealed(settings.clientSecret())),
                new Place(SERVER, server.passwordPlace(), server::password),
                new Place(
                        ENVIRONMENT,
                        AduEnvironment.describe(AduEnvironment.CLIENT_SECRET),
                        () -> env.get(AduEnvironment.CLIENT_SECRET)));
        Optional<Candidate> certificate = candidate(
                CredentialKind.CLIENT_CERTIFICATE,
                new Place(
                        PARAMETER,
                        settings.clientCertificatePath().name(),
                        () -> settings.clientCertificatePath().optional()),
                new Place(
                        ENVIRONMENT,
                        AduEnvironment.describe(AduEnvironment.CLIENT_CERTIFICATE_PATH),
                        () -> env.get(AduEnvironment.CLIENT_CERTIFICATE_PATH)));
        Optional<Candidate> tokenFile = candidate(
                CredentialKind.WORKLOAD_IDENTITY,
                new Place(
                        PARAMETER,
                        settings.federatedTokenFile().name(),
                        () -> settings.federatedTokenFile().optional()),
                new Place(
                        ENVIRONMENT,
                        AduEnvironment.describe(AduEnvironment.FEDERATED_TOKEN_FILE),
                        () -> env.get(AduEnvironment.FEDERATED_TOKEN_FILE)));
        Optional<Secret> password = certificatePassword();
        // Masked even when another credential wins: no output may show any secret the user configured.
        // (Checked only when it is the one used: a named credential fails with its own reason, not this one's.)
        token.ifPresent(t -> masker.register(Secret.of(withoutBearer(t.found().value()))));
        secret.ifPresent(s -> masker.register(Secret.of(s.found().value())));
        password.ifPresent(masker::register);
        return switch (kind) {
            case ACCESS_TOKEN -> build(named(token, kind, tokenPlaces()), masker, password);
            case CLIENT_SECRET -> build(named(secret, kind, secretPlaces()), masker, password);
            case CLIENT_CERTIFICATE -> build(named(certificate, kind, certificatePlaces()), masker, password);
            case WORKLOAD_IDENTITY -> build(named(tokenFile, kind, tokenFilePlaces()), masker, password);
            case MANAGED_IDENTITY ->
                ambient.managedIdentity(
                        "credential=" + kind.id(),
                        ManagedIdentitySource.of(env),
                        ambient.imdsBase().url());
            case AZURE_CLI ->
                ambient.azureCli(
                        "credential=" + kind.id(),
                        AzureCli.find(env)
                                .orElseThrow(() -> new ConfigurationException(
                                        settings.credential().name()
                                                + " is azure-cli, but az is not on the PATH: install the Azure CLI"
                                                + " (or run the goal where it is), and log in with az login.")));
            case AUTO -> {
                Optional<Candidate> chosen = Stream.of(token, secret, certificate, tokenFile)
                        .flatMap(Optional::stream)
                        // On a tie, the order of CredentialKind: token, secret, certificate, workload identity.
                        .min(Comparator.comparingInt(Candidate::level).thenComparing(Candidate::kind));
                yield chosen.isPresent() ? build(chosen.get(), masker, password) : ambient();
            }
        };
    }

    /** The credential a named {@code credential} needs, or why it cannot work. */
    private Candidate named(Optional<Candidate> candidate, CredentialKind kind, String places) {
        return candidate.orElseThrow(
                () -> new ConfigurationException(settings.credential().name() + " is " + kind.id() + ", but " + places
                        + (places.contains(" and ") ? " are" : " is") + " not set: set one."));
    }

    private AzureCredential build(Candidate chosen, SecretMasker masker, Optional<Secret> password) {
        SettingLookup.Found found = chosen.found();
        return switch (chosen.kind()) {
            case ACCESS_TOKEN -> new ReadyToken(bearer(found), found.origin());
            case CLIENT_SECRET -> client(new ClientCredential.ClientSecret(Secret.of(found.value()), found.origin()));
            case CLIENT_CERTIFICATE ->
                client(CertificateFile.load(
                        found.value(), password.orElse(null), sendChain(), found.origin(), passwordPlaces()));
            case WORKLOAD_IDENTITY ->
                client(new ClientCredential.FederatedToken(masker.register(readTokenFile(found)), found.origin()));
            default -> throw new IllegalStateException("no candidate of kind " + chosen.kind());
        };
    }

    /**
     * What {@code auto} finds on the machine when nothing is configured: a managed identity, then the Azure CLI.
     */
    private AzureCredential ambient() {
        List<String> tried = new ArrayList<>();
        tried.add("a ready token (" + tokenPlaces() + ": not set)");
        tried.add("a client secret (" + secretPlaces() + ": not set)");
        tried.add("a client certificate (" + certificatePlaces() + ": not set)");
        tried.add("workload identity (" + tokenFilePlaces() + ": not set)");
        ManagedIdentitySource source = ManagedIdentitySource.of(env);
        AmbientIdentities.Imds imds = ambient.imdsBase();
        if (source != ManagedIdentitySource.IMDS) {
            return ambient.managedIdentity(
                    "credential=auto: " + source.endpointVariable().orElseThrow() + " names " + source.display()
                            + "'s endpoint",
                    source,
                    imds.url());
        }
        if (!mayProbe) {
            return ambient.managedIdentity(
                    "credential=auto: nothing else is configured; a run that sends would first ask the instance"
                            + " metadata endpoint " + ApiBaseUrl.display(imds.url()) + " whether it is there",
                    source,
                    imds.url());
        }
        String silence = ImdsEndpoint.probe(imds.url());
        if (silence == null) {
            return ambient.managedIdentity(
                    "credential=auto: the instance metadata endpoint " + ApiBaseUrl.display(imds.url()) + " answered",
                    source,
                    imds.url());
        }
        tried.add("a managed identity (no IDENTITY_ENDPOINT or MSI_ENDPOINT, and the instance metadata endpoint "
                + ApiBaseUrl.display(imds.url()) + " from " + imds.origin() + " did not answer: " + silence
                + ")");
        Optional<Path> az = AzureCli.find(env);
        if (az.isPresent()) {
            return ambient.azureCli("credential=auto: az is on the PATH", az.get());
        }
        tried.add("the Azure CLI (az is not on the PATH)");
        throw new ConfigurationException("No Azure credentials found. credential (auto) tried, in order: "
                + String.join("; ", tried)
                + ". A client secret, certificate or federated token also needs the client and tenant ids ("
                + settings.clientId().name() + " and " + settings.tenantId().name() + ", or "
                + AduEnvironment.CLIENT_ID + " and " + AduEnvironment.TENANT_ID + "); or set "
                + settings.credential().name() + " to the one you mean (" + CredentialKind.all() + ").");
    }

    private Optional<Secret> certificatePassword() {
        return SettingLookup.of("client certificate password")
                .then(settings.clientCertificatePassword().name(), () -> revealed(settings.clientCertificatePassword()))
                .then(
                        AduEnvironment.describe(AduEnvironment.CLIENT_CERTIFICATE_PASSWORD),
                        () -> env.get(AduEnvironment.CLIENT_CERTIFICATE_PASSWORD))
                .find()
                .map(found -> Secret.of(found.value()));
    }

    private boolean sendChain() {
        return env.get(AduEnvironment.SEND_CERTIFICATE_CHAIN)
                .map(value -> value.strip().toLowerCase(Locale.ROOT))
                .map(value -> value.equals("true") || value.equals("1"))
                .orElse(false);
    }

    private String tokenPlaces() {
        return settings.accessToken().name() + " and " + AduEnvironment.ACCESS_TOKEN;
    }

    private String secretPlaces() {
        return settings.clientSecret().name() + ", the <password> of a settings.xml server named by " + serverId.name()
                + " and " + AduEnvironment.CLIENT_SECRET;
    }

    private String certificatePlaces() {
        return settings.clientCertificatePath().name() + " and " + AduEnvironment.CLIENT_CERTIFICATE_PATH;
    }

    private String tokenFilePlaces() {
        return settings.federatedTokenFile().name() + " and " + AduEnvironment.FEDERATED_TOKEN_FILE;
    }

    private String passwordPlaces() {
        return settings.clientCertificatePassword().name() + " or " + AduEnvironment.CLIENT_CERTIFICATE_PASSWORD;
    }

    /** A place a value may be set, and how explicitly. */
    private record Place(int level, String description, Supplier<Optional<String>> value) {}

    /** The first place, in order, with a non-blank value. */
    private static Optional<Candidate> candidate(CredentialKind kind, Place... places) {
        for (Place place : places) {
            Optional<String> value = place.value().get().map(String::strip).filter(v -> !v.isEmpty());
            if (value.isPresent()) {
                return Optional.of(
                        new Candidate(kind, place.level(), new SettingLookup.Found(value.get(), place.description())));
            }
        }
        return Optional.empty();
    }

    private ClientCredential client(ClientCredential.Proof proof) {
        SettingLookup.Found clientId = SettingLookup.of("Azure client id")
                .then(settings.clientId().name(), () -> settings.clientId().optional())
                .then(server.usernamePlace(), server::username)
                .then(AduEnvironment.describe(AduEnvironment.CLIENT_ID), () -> env.get(AduEnvironment.CLIENT_ID))
                .find()
                .orElseThrow(() -> new ConfigurationException("No client id to go with the " + what(proof) + " from "
                        + proof.origin() + ": set " + settings.clientId().name()
                        + ", the <username> of the serverId server, or "
                        + AduEnvironment.CLIENT_ID + "."));
        SettingLookup.Found tenant = ambient.tenant()
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
        SettingLookup.Found authority = SettingLookup.of("authority host")
                .then(
                        settings.authorityHost().name(),
                        () -> settings.authorityHost().optional())
                .then(
                        AduEnvironment.describe(AduEnvironment.AUTHORITY_HOST),
                        () -> env.get(AduEnvironment.AUTHORITY_HOST))
                .then("the default", () -> Optional.of(AuthorityHost.DEFAULT))
                .find()
                .orElseThrow();
        return new ClientCredential(
                AuthorityHost.parse(authority.value(), authority.origin()), tenant.value(), clientId.value(), proof);
    }

    private static String what(ClientCredential.Proof proof) {
        if (proof instanceof ClientCredential.ClientSecret) {
            return "client secret";
        }
        return proof instanceof ClientCredential.ClientCertificate ? "client certificate" : "federated token file";
    }

    /** A token as pasted, perhaps with its "Bearer " prefix; it must fit in a header. */
    private static Secret bearer(SettingLookup.Found found) {
        String value = withoutBearer(found.value());
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

    /** A pasted token without its "Bearer " prefix. */
    private static String withoutBearer(String token) {
        return BEARER.matcher(token).replaceFirst("");
    }

    /** A secret setting's text, for a lookup that also reads the settings server and the environment. */
    private static Optional<String> revealed(Setting<Secret> setting) {
        return setting.optional().map(Secret::reveal);
    }
}
