package dev.fleetdeploy.adu;

import dev.fleetdeploy.core.ConfigurationException;
import dev.fleetdeploy.core.Environment;
import dev.fleetdeploy.core.SettingLookup;
import dev.fleetdeploy.entra.AzureCli;
import dev.fleetdeploy.entra.AzureCredential;
import dev.fleetdeploy.entra.ImdsEndpoint;
import dev.fleetdeploy.entra.ManagedIdentity;
import dev.fleetdeploy.entra.ManagedIdentitySource;
import dev.fleetdeploy.http.ApiBaseUrl;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import okhttp3.HttpUrl;

/**
 * The identities a machine has without any configuration of the plugin's: a managed identity (its endpoint from
 * the environment, or the instance metadata endpoint) and an Azure CLI session, built for {@code credential} as it
 * names them or as {@code auto} finds them.
 */
record AmbientIdentities(AduSettings settings, Environment env) {

    AzureCredential managedIdentity(String why, ManagedIdentitySource source, HttpUrl imds) {
        Optional<SettingLookup.Found> id = SettingLookup.of("managed identity id")
                .then(settings.clientId().name(), () -> settings.clientId().optional())
                .then(AduEnvironment.describe(AduEnvironment.CLIENT_ID), () -> env.get(AduEnvironment.CLIENT_ID))
                .find();
        ManagedIdentity.UserAssigned user = id.map(found -> new ManagedIdentity.UserAssigned(
                        found.value(),
                        found.value().toLowerCase(Locale.ROOT).startsWith("/subscriptions/"),
                        found.origin()))
                .orElse(null);
        HttpUrl endpoint = source.endpointVariable()
                .map(variable -> {
                    String value = env.get(variable).orElseThrow();
                    HttpUrl url = HttpUrl.parse(value.strip());
                    if (url == null) {
                        throw new ConfigurationException("The " + variable + " environment variable is '"
                                + value.strip() + "', which is not a URL: the managed identity endpoint of "
                                + source.display() + " cannot be reached.");
                    }
                    return url;
                })
                .orElse(imds);
        // MSAL reads IMDS's address from the environment: it gets the one resolved here.
        String imdsShown = ApiBaseUrl.display(imds);
        Environment msalView = name -> name.equals(ImdsEndpoint.VARIABLE) ? Optional.of(imdsShown) : env.lookup(name);
        return new ManagedIdentity(source, user, endpoint, msalView, why);
    }

    AzureCredential azureCli(String why, Path executable) {
        return new AzureCli(executable, tenant().map(SettingLookup.Found::value).orElse(null), why);
    }

    /** The tenant id: {@code tenantId}, then AZURE_TENANT_ID. */
    Optional<SettingLookup.Found> tenant() {
        return SettingLookup.of("Azure tenant id")
                .then(settings.tenantId().name(), () -> settings.tenantId().optional())
                .then(AduEnvironment.describe(AduEnvironment.TENANT_ID), () -> env.get(AduEnvironment.TENANT_ID))
                .find();
    }

    /** IMDS's base URL: {@code imdsEndpoint}, then AZURE_POD_IDENTITY_AUTHORITY_HOST, then Azure's address. */
    Imds imdsBase() {
        SettingLookup.Found found = SettingLookup.of("instance metadata endpoint")
                .then(
                        settings.imdsEndpoint().name(),
                        () -> settings.imdsEndpoint().optional())
                .then(AduEnvironment.describe(ImdsEndpoint.VARIABLE), () -> env.get(ImdsEndpoint.VARIABLE))
                .then("the default", () -> Optional.of(ImdsEndpoint.defaultBase()))
                .find()
                .orElseThrow();
        return new Imds(ImdsEndpoint.parse(found.value(), found.origin()), found.origin());
    }

    /** IMDS's base URL, and where it was set. */
    record Imds(HttpUrl url, String origin) {}
}
