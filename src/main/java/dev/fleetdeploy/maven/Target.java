package dev.fleetdeploy.maven;

import dev.fleetdeploy.adu.AduParameters;
import dev.fleetdeploy.core.CommonParameters;
import dev.fleetdeploy.datadog.DatadogParameters;
import java.io.File;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One entry of {@code <targets>}: a provider, site or account, credentials and deployments of its own, for working
 * on several of them in one execution. What an entry leaves out it takes from the goal's own parameters, a group at a
 * time: an entry that sets any deployment id source, any credential or any location uses only its own of that group.
 */
public class Target {
    /** How messages and the report name this target; default {@code targets[N]}. */
    private String name;

    private String provider;
    private String deploymentId;
    private List<String> deploymentIds;
    private File deploymentIdFile;
    private String baseUrl;
    private String serverId;
    private String site;
    private SecretParameter apiKey;
    private SecretParameter applicationKey;
    private String datadogApi;
    private String endpoint;
    private String account;
    private String instance;
    private String apiVersion;
    private String groupId;
    private String deviceClassId;
    private SecretParameter accessToken;
    private String tenantId;
    private String clientId;
    private SecretParameter clientSecret;
    private String federatedTokenFile;
    private String authorityHost;

    /** For tests of the configurator. */
    SecretParameter clientSecretForTests() {
        return clientSecret;
    }

    String name() {
        return name;
    }

    ConfigurationLayer layer() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(CommonParameters.PROVIDER, provider);
        values.put(CommonParameters.BASE_URL, baseUrl);
        values.put(CommonParameters.SERVER_ID, serverId);
        values.put(DatadogParameters.SITE, site);
        values.put(DatadogParameters.API_KEY, AbstractFleetMojo.reveal(apiKey));
        values.put(DatadogParameters.APPLICATION_KEY, AbstractFleetMojo.reveal(applicationKey));
        values.put(DatadogParameters.DATADOG_API, datadogApi);
        values.put(AduParameters.ENDPOINT, endpoint);
        values.put(AduParameters.ACCOUNT, account);
        values.put(AduParameters.INSTANCE, instance);
        values.put(AduParameters.API_VERSION, apiVersion);
        values.put(AduParameters.GROUP_ID, groupId);
        values.put(AduParameters.DEVICE_CLASS_ID, deviceClassId);
        values.put(AduParameters.ACCESS_TOKEN, AbstractFleetMojo.reveal(accessToken));
        values.put(AduParameters.TENANT_ID, tenantId);
        values.put(AduParameters.CLIENT_ID, clientId);
        values.put(AduParameters.CLIENT_SECRET, AbstractFleetMojo.reveal(clientSecret));
        values.put(AduParameters.FEDERATED_TOKEN_FILE, federatedTokenFile);
        values.put(AduParameters.AUTHORITY_HOST, authorityHost);
        return new ConfigurationLayer(values, deploymentId, deploymentIds, deploymentIdFile);
    }

    @Override
    public String toString() {
        // Maven's -X output prints configured objects: name no credential.
        return "Target[" + (name == null ? "" : name + ", ") + "provider=" + provider + "]";
    }
}
