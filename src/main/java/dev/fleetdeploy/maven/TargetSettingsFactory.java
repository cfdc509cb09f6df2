package dev.fleetdeploy.maven;

import static dev.fleetdeploy.adu.AduParameters.ACCESS_TOKEN;
import static dev.fleetdeploy.adu.AduParameters.ACCOUNT;
import static dev.fleetdeploy.adu.AduParameters.API_VERSION;
import static dev.fleetdeploy.adu.AduParameters.AUTHORITY_HOST;
import static dev.fleetdeploy.adu.AduParameters.CLIENT_ID;
import static dev.fleetdeploy.adu.AduParameters.CLIENT_SECRET;
import static dev.fleetdeploy.adu.AduParameters.DEVICE_CLASS_ID;
import static dev.fleetdeploy.adu.AduParameters.ENDPOINT;
import static dev.fleetdeploy.adu.AduParameters.FEDERATED_TOKEN_FILE;
import static dev.fleetdeploy.adu.AduParameters.GROUP_ID;
import static dev.fleetdeploy.adu.AduParameters.INSTANCE;
import static dev.fleetdeploy.adu.AduParameters.TENANT_ID;
import static dev.fleetdeploy.core.CommonParameters.BASE_URL;
import static dev.fleetdeploy.core.CommonParameters.DEPLOYMENT_ID;
import static dev.fleetdeploy.core.CommonParameters.DEPLOYMENT_IDS;
import static dev.fleetdeploy.core.CommonParameters.DEPLOYMENT_ID_FILE;
import static dev.fleetdeploy.core.CommonParameters.PROVIDER;
import static dev.fleetdeploy.core.CommonParameters.SERVER_ID;
import static dev.fleetdeploy.datadog.DatadogParameters.API_KEY;
import static dev.fleetdeploy.datadog.DatadogParameters.APPLICATION_KEY;
import static dev.fleetdeploy.datadog.DatadogParameters.DATADOG_API;
import static dev.fleetdeploy.datadog.DatadogParameters.SITE;

import dev.fleetdeploy.core.DeploymentIdSources;
import dev.fleetdeploy.core.ParameterNaming;
import dev.fleetdeploy.core.TargetSettings;
import java.io.File;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Turns the goal's parameters and its {@code targets} into one {@link TargetSettings} per target, each naming its
 * parameters as the user wrote them ("site (-Dfleet.site)", "site of targets[2]").
 *
 * <p>A target inherits what it does not set, but a group at a time: its own {@code serverId} must not be beaten by an
 * inherited {@code apiKey} (or {@code clientSecret}), nor its own {@code site} or {@code endpoint} by an inherited
 * {@code baseUrl}.
 */
final class TargetSettingsFactory {
    static final List<List<String>> GROUPS = List.of(
            List.of(SERVER_ID, API_KEY, APPLICATION_KEY, ACCESS_TOKEN, CLIENT_ID, CLIENT_SECRET, FEDERATED_TOKEN_FILE),
            List.of(SITE, BASE_URL, ENDPOINT, ACCOUNT));

    /** The user property of each parameter that has one ({@code fleet.<name>}). */
    static final Map<String, String> PROPERTIES = Stream.of(
                    PROVIDER,
                    DEPLOYMENT_ID,
                    DEPLOYMENT_ID_FILE,
                    BASE_URL,
                    SERVER_ID,
                    SITE,
                    API_KEY,
                    APPLICATION_KEY,
                    DATADOG_API,
                    ENDPOINT,
                    ACCOUNT,
                    INSTANCE,
                    API_VERSION,
                    GROUP_ID,
                    DEVICE_CLASS_ID,
                    ACCESS_TOKEN,
                    TENANT_ID,
                    CLIENT_ID,
                    CLIENT_SECRET,
                    FEDERATED_TOKEN_FILE,
                    AUTHORITY_HOST)
            .collect(Collectors.toUnmodifiableMap(name -> name, name -> "fleet." + name));

    private static final Set<String> ID_PARAMETERS = Set.of(DEPLOYMENT_ID, DEPLOYMENT_IDS, DEPLOYMENT_ID_FILE);

    private TargetSettingsFactory() {}

    static List<TargetSettings> build(ConfigurationLayer top, List<Target> targets) {
        if (targets == null || targets.isEmpty()) {
            return List.of(settings(null, top.values(), top, TOP_LEVEL));
        }
        List<TargetSettings> result = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            Target target = targets.get(i);
            String label = target.name() == null || target.name().isBlank()
                    ? "targets[" + (i + 1) + "]"
                    : "target '" + target.name().strip() + "'";
            result.add(merge(label, top, target.layer()));
        }
        return result;
    }

    /** "site (-Dfleet.site)", "deploymentIds". */
    static final ParameterNaming TOP_LEVEL = parameter -> {
        String property = PROPERTIES.get(parameter);
        return property == null ? parameter : parameter + " (-D" + property + ")";
    };

    private static TargetSettings merge(String label, ConfigurationLayer top, ConfigurationLayer own) {
        Map<String, String> values = new LinkedHashMap<>(top.values());
        Set<String> ownParameters = new HashSet<>();
        for (List<String> group : GROUPS) {
            if (own.setsAny(group)) {
                group.forEach(values::remove);
                ownParameters.addAll(group);
            }
        }
        for (Map.Entry<String, String> entry : own.values().entrySet()) {
            if (own.sets(entry.getKey())) {
                values.put(entry.getKey(), entry.getValue());
                ownParameters.add(entry.getKey());
            }
        }
        for (String parameter : own.values().keySet()) {
            if (!top.sets(parameter)) {
                ownParameters.add(parameter); // A missing value is the target's to set.
            }
        }
        ConfigurationLayer ids = own.setsDeploymentIds() || !top.setsDeploymentIds() ? own : top;
        if (ids == own) {
            ownParameters.addAll(ID_PARAMETERS);
        }
        ParameterNaming naming = parameter ->
                ownParameters.contains(parameter) ? parameter + " of " + label : TOP_LEVEL.describe(parameter);
        return settings(label, values, ids, naming);
    }

    private static TargetSettings settings(
            String label, Map<String, String> values, ConfigurationLayer ids, ParameterNaming naming) {
        File file = ids.deploymentIdFile();
        DeploymentIdSources sources =
                new DeploymentIdSources(ids.deploymentId(), ids.deploymentIds(), file == null ? null : file.toPath());
        return new TargetSettings(label, values, sources, naming);
    }
}
