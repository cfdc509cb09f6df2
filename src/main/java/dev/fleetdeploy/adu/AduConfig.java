package dev.fleetdeploy.adu;

import static dev.fleetdeploy.adu.AduParameters.ACCOUNT;
import static dev.fleetdeploy.adu.AduParameters.API_VERSION;
import static dev.fleetdeploy.adu.AduParameters.DEVICE_CLASS_ID;
import static dev.fleetdeploy.adu.AduParameters.ENDPOINT;
import static dev.fleetdeploy.adu.AduParameters.GROUP_ID;
import static dev.fleetdeploy.adu.AduParameters.INSTANCE;

import dev.fleetdeploy.core.CommonParameters;
import dev.fleetdeploy.core.ConfigurationException;
import dev.fleetdeploy.core.Environment;
import dev.fleetdeploy.core.Quoted;
import dev.fleetdeploy.core.SecretMasker;
import dev.fleetdeploy.core.ServerLookup;
import dev.fleetdeploy.core.TargetSettings;
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
 */
public record AduConfig(
        AduApiVersion version,
        String host,
        HttpUrl baseUrl,
        boolean baseUrlOverridden,
        String instance,
        String groupId,
        String deviceClassId,
        AzureCredential credential) {

    /** The base URL as the user writes it: "https://gw.example.com", without the trailing slash. */
    public String displayBaseUrl() {
        String url = baseUrl.toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** "contoso.api.adu.microsoft.com, instance 'blue', group 'TestGroup', API 2022-10-01". */
    public String location() {
        String where;
        if (baseUrlOverridden) {
            where = displayBaseUrl() + (host == null ? "" : " (in place of " + host + ")");
        } else {
            where = host;
        }
        return where + ", instance '" + instance + "'" + (groupId == null ? "" : ", group '" + groupId + "'")
                + (deviceClassId == null ? "" : ", device class '" + deviceClassId + "'") + ", " + version.describe();
    }

    @Override
    public String toString() {
        return "AduConfig[" + location() + "]";
    }

    /** Resolves and checks the settings; every credential is registered with {@code masker} as soon as it is found. */
    public static AduConfig resolve(TargetSettings target, Environment env, ServerLookup servers, SecretMasker masker) {
        AduApiVersion version = target.value(API_VERSION)
                .map(value -> AduApiVersion.parse(value, target.describe(API_VERSION)))
                .orElseGet(AduApiVersion::defaultVersion);
        Optional<HttpUrl> override = target.value(CommonParameters.BASE_URL)
                .map(value -> ApiBaseUrl.parse(value, target.describe(CommonParameters.BASE_URL)));
        String host = host(target, override.isPresent());
        HttpUrl baseUrl = override.orElseGet(
                () -> new HttpUrl.Builder().scheme("https").host(host).build());
        String instance = AduNames.instance(
                target.value(INSTANCE)
                        .orElseThrow(() -> new ConfigurationException("No Azure Device Update instance: set "
                                + target.describe(INSTANCE) + " to the instance's name.")),
                target.describe(INSTANCE));

        String groupId = null;
        if (version.generation() != AduApiVersion.Generation.V2) {
            groupId = AduNames.pathSegment(
                    target.value(GROUP_ID)
                            .orElseThrow(() -> new ConfigurationException("No device group: set "
                                    + target.describe(GROUP_ID) + " to the group the deployment belongs to ("
                                    + version.describe() + " needs one; only apiVersion=v2 works without).")),
                    "groupId",
                    target.describe(GROUP_ID));
        }
        String deviceClassId = null;
        Optional<String> deviceClass = target.value(DEVICE_CLASS_ID);
        if (deviceClass.isPresent()) {
            if (version.generation() != AduApiVersion.Generation.SUBGROUP_ACTION) {
                throw new ConfigurationException(target.describe(DEVICE_CLASS_ID) + " is '"
                        + Quoted.of(deviceClass.get())
                        + "', but apiVersion " + version.version() + " acts on whole deployments, not one device class:"
                        + " remove deviceClassId, or use a GA apiVersion such as 2022-10-01.");
            }
            deviceClassId = AduNames.pathSegment(deviceClass.get(), "deviceClassId", target.describe(DEVICE_CLASS_ID));
        }
        AzureCredential credential = AduCredentials.resolve(target, env, servers, masker);
        return new AduConfig(
                version, host, baseUrl, override.isPresent(), instance, groupId, deviceClassId, credential);
    }

    private static String host(TargetSettings target, boolean baseUrlGiven) {
        Optional<String> endpoint = target.value(ENDPOINT);
        Optional<String> account = target.value(ACCOUNT);
        if (endpoint.isPresent() && account.isPresent()) {
            throw new ConfigurationException("Both " + target.describe(ENDPOINT) + " ('" + endpoint.get() + "') and "
                    + target.describe(ACCOUNT) + " ('" + account.get() + "') are set: set only one of them.");
        }
        if (endpoint.isPresent()) {
            return AduNames.hostName(endpoint.get(), target.describe(ENDPOINT));
        }
        if (account.isPresent()) {
            return AduNames.accountHost(account.get(), target.describe(ACCOUNT));
        }
        if (baseUrlGiven) {
            return null;
        }
        throw new ConfigurationException("No Azure Device Update account: set " + target.describe(ENDPOINT)
                + " to the account's host name (contoso.api.adu.microsoft.com), or " + target.describe(ACCOUNT)
                + " to its name.");
    }
}
