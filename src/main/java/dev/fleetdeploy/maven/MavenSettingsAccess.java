package dev.fleetdeploy.maven;

import dev.fleetdeploy.core.ConfigurationException;
import dev.fleetdeploy.core.Quoted;
import dev.fleetdeploy.core.Secret;
import dev.fleetdeploy.core.SecretMasker;
import dev.fleetdeploy.core.ServerCredentials;
import dev.fleetdeploy.core.ServerLookup;
import dev.fleetdeploy.http.ProxyConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/**
 * Servers and proxies from settings.xml, decrypted as Maven decrypts them ({@code {...}} passwords and
 * settings-security.xml), handed to the core in its own terms. Every decrypted secret is registered with the masker.
 */
record MavenSettingsAccess(Settings settings, SettingsDecrypter decrypter, SecretMasker masker)
        implements ServerLookup {

    @Override
    public Optional<ServerCredentials> find(String serverId) {
        Server server = settings == null ? null : settings.getServer(serverId);
        if (server == null) {
            return Optional.empty();
        }
        SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
        failOnProblems(result, "the password of server '" + serverId + "' in settings.xml");
        Server decrypted = result.getServer() == null ? server : result.getServer();
        String password = decrypted.getPassword();
        Secret secret = password == null || password.isBlank() ? null : masker.register(Secret.of(password));
        // A username that is a credential (Datadog's API key) is registered by the provider that uses it so.
        return Optional.of(new ServerCredentials(serverId, decrypted.getUsername(), secret));
    }

    /** The active proxies, in settings order, passwords decrypted. */
    List<ProxyConfig> activeProxies() {
        List<ProxyConfig> proxies = new ArrayList<>();
        if (settings == null) {
            return proxies;
        }
        for (Proxy proxy : settings.getProxies()) {
            if (!proxy.isActive()) {
                continue;
            }
            SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(proxy));
            failOnProblems(result, "the password of proxy '" + proxy.getId() + "' in settings.xml");
            Proxy decrypted = result.getProxy() == null ? proxy : result.getProxy();
            if (decrypted.getHost() == null
                    || decrypted.getHost().isBlank()
                    || decrypted.getPort() < 1
                    || decrypted.getPort() > 65535) {
                throw new ConfigurationException("The active proxy '" + proxy.getId() + "' in settings.xml has host '"
                        + Quoted.of(decrypted.getHost()) + "' and port " + decrypted.getPort()
                        + ": give its host name and a port from 1 to 65535, or make it inactive.");
            }
            String password = decrypted.getPassword();
            Secret secret = password == null || password.isEmpty() ? null : masker.register(Secret.of(password));
            String username =
                    decrypted.getUsername() == null || decrypted.getUsername().isBlank()
                            ? null
                            : decrypted.getUsername();
            proxies.add(new ProxyConfig(
                    decrypted.getProtocol(),
                    decrypted.getHost(),
                    decrypted.getPort(),
                    username,
                    secret,
                    decrypted.getNonProxyHosts()));
        }
        return proxies;
    }

    private static void failOnProblems(SettingsDecryptionResult result, String what) {
        List<SettingsProblem> problems = result.getProblems().stream()
                .filter(p -> p.getSeverity() != SettingsProblem.Severity.WARNING)
                .toList();
        if (!problems.isEmpty()) {
            throw new ConfigurationException(
                    "Maven could not decrypt " + what + " ("
                            + problems.stream().map(SettingsProblem::getMessage).collect(Collectors.joining("; "))
                            + "): check ~/.m2/settings-security.xml (or -Dsettings.security) and encrypt the password again with mvn --encrypt-password.");
        }
    }
}
