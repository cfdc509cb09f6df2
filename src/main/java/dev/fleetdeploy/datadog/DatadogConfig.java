package dev.fleetdeploy.datadog;

import static dev.fleetdeploy.datadog.DatadogParameters.API_KEY;
import static dev.fleetdeploy.datadog.DatadogParameters.APPLICATION_KEY;
import static dev.fleetdeploy.datadog.DatadogParameters.DATADOG_API;
import static dev.fleetdeploy.datadog.DatadogParameters.ENV_API_KEY;
import static dev.fleetdeploy.datadog.DatadogParameters.ENV_APPLICATION_KEY_MISNAMED;
import static dev.fleetdeploy.datadog.DatadogParameters.ENV_APP_KEY;
import static dev.fleetdeploy.datadog.DatadogParameters.ENV_SITE;
import static dev.fleetdeploy.datadog.DatadogParameters.SITE;

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
import dev.fleetdeploy.http.ApiBaseUrl;
import java.util.Optional;
import okhttp3.HttpUrl;

/**
 * A Datadog target's settings, resolved and checked: each value from the first place that has one (parameter,
 * then settings server, then environment), as SPEC.md orders them.
 *
 * @param baseUrl where requests go: {@code https://api.<site>}, or the user's {@code baseUrl}
 * @param baseUrlOverridden whether {@code baseUrl} was set
 */
public record DatadogConfig(
        DatadogSite site,
        DatadogApi api,
        HttpUrl baseUrl,
        boolean baseUrlOverridden,
        Secret apiKey,
        Secret applicationKey) {

    /** The base URL as the user writes it: "https://gw.example.com", without the trailing slash. */
    public String displayBaseUrl() {
        String url = baseUrl.toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    @Override
    public String toString() {
        return "DatadogConfig[site=" + site.site() + ", api=" + api.id() + ", baseUrl=" + baseUrl + "]";
    }

    /** Resolves and checks the settings; the keys are registered with {@code masker} as soon as they are found. */
    public static DatadogConfig resolve(
            TargetSettings target, Environment env, ServerLookup servers, SecretMasker masker) {
        DatadogSite site = resolveSite(target, env);
        DatadogApi api = target.value(DATADOG_API)
                .map(value -> DatadogApi.parse(value, target.describe(DATADOG_API)))
                .orElse(DatadogApi.DEFAULT);
        Optional<HttpUrl> override = target.value(CommonParameters.BASE_URL)
                .map(value -> ApiBaseUrl.parse(value, target.describe(CommonParameters.BASE_URL)));
        HttpUrl baseUrl = override.orElseGet(
                () -> new HttpUrl.Builder().scheme("https").host(site.apiHost()).build());

        Optional<String> serverId = target.value(CommonParameters.SERVER_ID);
        Optional<ServerCredentials> server = serverId.map(
                id -> servers.find(id)
                        .orElseThrow(
                                () -> new ConfigurationException(
                                        target.describe(CommonParameters.SERVER_ID) + " is '" + Quoted.of(id)
                                                + "', but " + servers.describe()
                                                + " has no <server> with that id: add one (<username> the API key, <password> the application key) or correct the id.")));
        String serverPlace = serverId.map(id -> "the <%s> of server '" + id + "' in " + servers.describe())
                .orElse("the <%s> of a " + servers.describe() + " server named by "
                        + target.describe(CommonParameters.SERVER_ID));

        SettingLookup apiKey = SettingLookup.of("Datadog API key")
                .then(target.describe(API_KEY), () -> target.value(API_KEY))
                .then(String.format(serverPlace, "username"), () -> server.flatMap(ServerCredentials::usernameValue))
                .then("the " + ENV_API_KEY + " environment variable", () -> env.get(ENV_API_KEY));
        SettingLookup applicationKey = SettingLookup.of("Datadog application key")
                .then(target.describe(APPLICATION_KEY), () -> target.value(APPLICATION_KEY))
                .then(String.format(serverPlace, "password"), () -> server.flatMap(ServerCredentials::passwordValue))
                .then("the " + ENV_APP_KEY + " environment variable", () -> env.get(ENV_APP_KEY));

        if (apiKey.find().isEmpty() || applicationKey.find().isEmpty()) {
            throw new ConfigurationException(missingKeysMessage(apiKey, applicationKey, env));
        }
        Secret apiKeySecret = masker.register(key(apiKey.require(), "API key"));
        Secret applicationKeySecret = masker.register(key(applicationKey.require(), "application key"));
        return new DatadogConfig(site, api, baseUrl, override.isPresent(), apiKeySecret, applicationKeySecret);
    }

    private static DatadogSite resolveSite(TargetSettings target, Environment env) {
        Optional<SettingLookup.Found> found = SettingLookup.of("Datadog site")
                .then(target.describe(SITE), () -> target.value(SITE))
                .then("the " + ENV_SITE + " environment variable", () -> env.get(ENV_SITE))
                .find();
        if (found.isEmpty()) {
            return DatadogSite.DEFAULT;
        }
        String value = found.get().value();
        return DatadogSite.parse(value)
                .orElseThrow(() -> new ConfigurationException("Unknown Datadog site '" + Quoted.of(value) + "' in "
                        + found.get().origin() + ": use one of " + DatadogSite.describeAll() + "."));
    }

    private static String missingKeysMessage(SettingLookup apiKey, SettingLookup applicationKey, Environment env) {
        String misnamed = env.get(ENV_APPLICATION_KEY_MISNAMED).isPresent()
                ? " (" + ENV_APPLICATION_KEY_MISNAMED + " is set, but Datadog's clients and this plugin read "
                        + ENV_APP_KEY + ")"
                : "";
        if (apiKey.find().isPresent()) {
            return "No Datadog application key found: set " + applicationKey.alternatives() + misnamed + ".";
        }
        if (applicationKey.find().isPresent()) {
            return apiKey.missingMessage();
        }
        return "No Datadog API key found (set " + apiKey.alternatives() + ") and no application key (set "
                + applicationKey.alternatives() + ")" + misnamed + ".";
    }

    /** Refuses a key that cannot travel in a header, before OkHttp quotes it in an exception. */
    private static Secret key(SettingLookup.Found found, String what) {
        String value = found.value();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= 0x20 || c >= 0x7f) {
                throw new ConfigurationException(
                        "The Datadog " + what + " from " + found.origin()
                                + " contains a space, line break or other character that cannot be sent in an HTTP header: copy the key again.");
            }
        }
        return Secret.of(value);
    }
}
