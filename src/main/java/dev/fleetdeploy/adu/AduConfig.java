package dev.fleetdeploy.adu;

import dev.fleetdeploy.core.CommonSettings;
import dev.fleetdeploy.core.ConfigurationException;
import dev.fleetdeploy.core.Environment;
import dev.fleetdeploy.core.Quoted;
import dev.fleetdeploy.core.SecretMasker;
import dev.fleetdeploy.core.ServerLookup;
import dev.fleetdeploy.core.Setting;
import dev.fleetdeploy.entra.AzureCredential;
import dev.fleetdeploy.http.ApiBaseUrl;
import java.util.Optional;
import okhttp3.HttpUrl;

/**
 * An Azure Device Update target's settings, resolved and checked before anything is sent.
 *
 * @param host the account's host name, or null when only {@code baseUrl} was given
 * @param baseUrl where requests go: {@code https://<host>}, or the user's {@code baseUrl}
 * @param groupId the device group; null with the v2 API, which has none
 * @param deviceClassId the one subgroup to act on (GA only), or null for every subgroup of the deployment
 * @param selectionGroupId with {@code select=active}, the group whose active deployments are selected (for the v2 API,
 *     whose paths name no group, too); else null
 */
public record AduConfig(
        AduApiVersion version,
        String host,
        HttpUrl baseUrl,
        boolean baseUrlOverridden,
        String instance,
        String groupId,
        String deviceClassId,
        AzureCredential credential,
        String selectionGroupId) {

    /** What an ADU token must be for. */
    public static final String TOKEN_SCOPE = "https://api.adu.microsoft.com/.default";

    /** The base URL as the user writes it: "https://gw.example.com", without the trailing slash. */
    public String displayBaseUrl() {
        return ApiBaseUrl.display(baseUrl);
    }

    /** The account's host, or the baseUrl that replaces it: "contoso.api.adu.microsoft.com". */
    public String place() {
        return baseUrlOverridden ? displayBaseUrl() + (host == null ? "" : " (in place of " + host + ")") : host;
    }

    /** "contoso.api.adu.microsoft.com, instance 'blue', group 'TestGroup', API 2022-10-01". */
    public String location() {
        return place() + ", instance '" + instance + "'" + (groupId == null ? "" : ", group '" + groupId + "'")
                + (deviceClassId == null ? "" : ", device class '" + deviceClassId + "'") + ", "
                + version.describe();
    }

    @Override
    public String toString() {
        return "AduConfig[" + location() + "]";
    }

    /** Resolves and checks the settings; every credential is registered with {@code masker} as soon as it is found. */
    public static AduConfig resolve(
            CommonSettings common, AduSettings settings, Environment env, ServerLookup servers, SecretMasker masker) {
        return resolve(common, settings, env, servers, masker, true);
    }

    /**
     * As {@link #resolve(CommonSettings, AduSettings, Environment, ServerLookup, SecretMasker)}.
     *
     * @param mayProbe whether {@code credential=auto} may ask the instance metadata endpoint whether it is there: not
     *     in a dry run nor offline, where nothing may be sent (a managed identity is then assumed, unprobed)
     */
    public static AduConfig resolve(
            CommonSettings common,
            AduSettings settings,
            Environment env,
            ServerLookup servers,
            SecretMasker masker,
            boolean mayProbe) {
        AduApiVersion version =
                settings.apiVersion().parse(AduApiVersion::parse).orElseGet(AduApiVersion::defaultVersion);
        Optional<HttpUrl> override = common.baseUrl().parse(ApiBaseUrl::parse);
        String host = host(settings, override.isPresent());
        HttpUrl baseUrl = override.orElseGet(
                () -> new HttpUrl.Builder().scheme("https").host(host).build());
        Setting<String> instanceSetting = settings.instance();
        String instance = AduNames.instance(
                instanceSetting
                        .optional()
                        .orElseThrow(() -> new ConfigurationException("No Azure Device Update instance: set "
                                + instanceSetting.name() + " to the instance's name.")),
                instanceSetting.name());

        String groupId = null;
        Setting<String> group = settings.groupId();
        if (version.generation() != AduApiVersion.Generation.V2) {
            groupId = AduNames.pathSegment(
                    group.optional()
                            .orElseThrow(() -> new ConfigurationException("No device group: set " + group.name()
                                    + " to the group the deployment belongs to (" + version.describe()
                                    + " needs one; only apiVersion=v2 works without).")),
                    "groupId",
                    group.name());
        }
        String deviceClassId = null;
        Setting<String> deviceClass = settings.deviceClassId();
        if (deviceClass.isSet()) {
            if (version.generation() != AduApiVersion.Generation.SUBGROUP_ACTION) {
                throw new ConfigurationException(deviceClass.name() + " is '" + Quoted.of(deviceClass.value())
                        + "', but apiVersion " + version.version()
                        + " acts on whole deployments, not one device class:"
                        + " remove deviceClassId, or use a GA apiVersion such as 2022-10-01.");
            }
            deviceClassId = AduNames.pathSegment(deviceClass.value(), "deviceClassId", deviceClass.name());
        }
        String selectionGroupId = null;
        if (common.deploymentIds().selectsActive()) {
            selectionGroupId = groupId != null
                    ? groupId
                    : AduNames.pathSegment(
                            group.optional()
                                    .orElseThrow(() -> new ConfigurationException("select=active finds the active"
                                            + " deployments of a device group: set " + group.name()
                                            + " to the group (the v2 API's paths name none, but its deployments"
                                            + " do).")),
                            "groupId",
                            group.name());
        }
        AzureCredential credential = new AduCredentials(common, settings, env, servers, mayProbe).resolve(masker);
        return new AduConfig(
                version,
                host,
                baseUrl,
                override.isPresent(),
                instance,
                groupId,
                deviceClassId,
                credential,
                selectionGroupId);
    }

    private static String host(AduSettings settings, boolean baseUrlGiven) {
        Setting<String> endpoint = settings.endpoint();
        Setting<String> account = settings.account();
        if (endpoint.isSet() && account.isSet()) {
            throw new ConfigurationException("Both " + endpoint.name() + " ('" + endpoint.value() + "') and "
                    + account.name() + " ('" + account.value() + "') are set: set only one of them.");
        }
        if (endpoint.isSet()) {
            return AduNames.hostName(endpoint.value(), endpoint.name());
        }
        if (account.isSet()) {
            return AduNames.accountHost(account.value(), account.name());
        }
        if (baseUrlGiven) {
            return null;
        }
        throw new ConfigurationException("No Azure Device Update account: set " + endpoint.name()
                + " to the account's host name (contoso.api.adu.microsoft.com), or " + account.name()
                + " to its name.");
    }
}
