package dev.fleetdeploy.datadog;

import dev.fleetdeploy.core.CommonSettings;
import dev.fleetdeploy.core.ConfigurationException;
import dev.fleetdeploy.core.Environment;
import dev.fleetdeploy.core.NamedServer;
import dev.fleetdeploy.core.Operation;
import dev.fleetdeploy.core.Quoted;
import dev.fleetdeploy.core.Secret;
import dev.fleetdeploy.core.SecretMasker;
import dev.fleetdeploy.core.ServerLookup;
import dev.fleetdeploy.core.SettingLookup;
import dev.fleetdeploy.http.ApiBaseUrl;
import java.util.List;
import java.util.Optional;
import okhttp3.HttpUrl;

/**
 * A Datadog target's settings, resolved and checked: each value from the first place that has one (parameter,
 * then settings server, then environment), in the order docs/contract.md gives.
 *
 * @param baseUrl where requests go: {@code https://api.<site>}, or the user's {@code baseUrl}
 * @param baseUrlOverridden whether {@code baseUrl} was set
 * @param selection with {@code select=active}, which active deployments to act on; else null
 * @param targetPackages the packages a retry of a package deployment installs ({@code targetPackages}); empty to
 *     infer them from the failed hosts
 */
public record DatadogConfig(
        DatadogSite site,
        DatadogApi api,
        HttpUrl baseUrl,
        boolean baseUrlOverridden,
        Secret apiKey,
        Secret applicationKey,
        DatadogSelection selection,
        List<TargetPackage> targetPackages) {

    public DatadogConfig {
        targetPackages = List.copyOf(targetPackages);
    }

    /** The base URL as the user writes it: "https://gw.example.com", without the trailing slash. */
    public String displayBaseUrl() {
        return ApiBaseUrl.display(baseUrl);
    }

    @Override
    public String toString() {
        return "DatadogConfig[site=" + site.site() + ", api=" + api.id() + ", baseUrl=" + baseUrl + "]";
    }

    /**
     * Resolves and checks the settings; the keys are registered with {@code masker} as soon as they are found.
     *
     * @param operation what the target will be asked to do: refused first, before any key is looked for, when Datadog
     *     cannot do it
     */
    public static DatadogConfig resolve(
            CommonSettings common,
            DatadogSettings settings,
            Operation operation,
            Environment env,
            ServerLookup servers,
            SecretMasker masker) {
        DatadogApi api = settings.datadogApi().parse(DatadogApi::parse).orElse(DatadogApi.DEFAULT);
        DatadogSelection selection = requireSupported(operation, api, common, settings);
        List<TargetPackage> targetPackages = TargetPackage.parse(settings.targetPackages());
        DatadogSite site = resolveSite(settings, env);
        Optional<HttpUrl> override = common.baseUrl().parse(ApiBaseUrl::parse);
        HttpUrl baseUrl = override.orElseGet(
                () -> new HttpUrl.Builder().scheme("https").host(site.apiHost()).build());

        NamedServer server =
                NamedServer.find(common.serverId(), servers, "<username> the API key, <password> the application key");
        SettingLookup apiKey = SettingLookup.of("Datadog API key")
                .then(
                        settings.apiKey().name(),
                        () -> settings.apiKey().optional().map(Secret::reveal))
                .then(server.usernamePlace(), server::username)
                .then(
                        "the " + DatadogEnvironment.API_KEY + " environment variable",
                        () -> env.get(DatadogEnvironment.API_KEY));
        SettingLookup applicationKey = SettingLookup.of("Datadog application key")
                .then(
                        settings.applicationKey().name(),
                        () -> settings.applicationKey().optional().map(Secret::reveal))
                .then(server.passwordPlace(), server::password)
                .then(
                        "the " + DatadogEnvironment.APP_KEY + " environment variable",
                        () -> env.get(DatadogEnvironment.APP_KEY));

        if (apiKey.find().isEmpty() || applicationKey.find().isEmpty()) {
            throw new ConfigurationException(missingKeysMessage(apiKey, applicationKey, env));
        }
        Secret apiKeySecret = masker.register(key(apiKey.require(), "API key"));
        Secret applicationKeySecret = masker.register(key(applicationKey.require(), "application key"));
        return new DatadogConfig(
                site,
                api,
                baseUrl,
                override.isPresent(),
                apiKeySecret,
                applicationKeySecret,
                selection,
                targetPackages);
    }

    /**
     * The one place that decides what Datadog supports: refuses it before any key is looked up, so the user learns
     * that first. A retry creates a new deployment aimed at the failed hosts (Datadog has no retry operation), which
     * only v2 can; it works on finished deployments, which {@code select=active} never picks; and a selection that may
     * cancel must be narrowed to the user's own deployments.
     *
     * @return the selection, with {@code select=active}; else null
     */
    private static DatadogSelection requireSupported(
            Operation operation, DatadogApi api, CommonSettings common, DatadogSettings settings) {
        boolean selects = common.deploymentIds().selectsActive();
        if (operation == Operation.RETRY && api == DatadogApi.UNSTABLE) {
            throw new ConfigurationException("Datadog has no retry operation: a retry creates a new deployment aimed"
                    + " at the failed hosts, and datadogApi=unstable has no create endpoint, so nothing was sent:"
                    + " retry with datadogApi=v2.");
        }
        if (operation == Operation.RETRY && selects) {
            throw new ConfigurationException("A Datadog retry works on a finished deployment, and select=active picks"
                    + " deployments still pending or running, so nothing was sent: give the id of the finished"
                    + " deployment (" + common.deploymentIds().commaSeparated().name() + ").");
        }
        if (!selects) {
            return null;
        }
        if (api == DatadogApi.UNSTABLE) {
            throw new ConfigurationException("select=active reads the v2 list of deployments, and datadogApi is"
                    + " unstable, so nothing was sent: use datadogApi=v2.");
        }
        DatadogSelection selection = new DatadogSelection(
                settings.author().optional().orElse(null),
                settings.hostQuery().optional().orElse(null));
        if (operation != Operation.STATUS && selection.isEmpty()) {
            throw new ConfigurationException("select=active would " + operation.verb()
                    + " every active deployment of the organization, so nothing was sent: narrow it to your own with "
                    + settings.author().name() + " and/or "
                    + settings.hostQuery().name() + ".");
        }
        return selection;
    }

    private static DatadogSite resolveSite(DatadogSettings settings, Environment env) {
        Optional<SettingLookup.Found> found = SettingLookup.of("Datadog site")
                .then(settings.site().name(), () -> settings.site().optional())
                .then(
                        "the " + DatadogEnvironment.SITE + " environment variable",
                        () -> env.get(DatadogEnvironment.SITE))
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
        String misnamed = env.get(DatadogEnvironment.APPLICATION_KEY_MISNAMED).isPresent()
                ? " (" + DatadogEnvironment.APPLICATION_KEY_MISNAMED
                        + " is set, but Datadog's clients and this plugin read " + DatadogEnvironment.APP_KEY + ")"
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
