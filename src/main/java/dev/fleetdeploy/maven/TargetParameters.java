package dev.fleetdeploy.maven;

import static dev.fleetdeploy.maven.InheritedTogether.Group.CREDENTIALS;
import static dev.fleetdeploy.maven.InheritedTogether.Group.DEPLOYMENT_IDS;
import static dev.fleetdeploy.maven.InheritedTogether.Group.LOCATION;

import dev.fleetdeploy.adu.AduSettings;
import dev.fleetdeploy.core.CommonSettings;
import dev.fleetdeploy.core.DeploymentIdSources;
import dev.fleetdeploy.core.TargetName;
import dev.fleetdeploy.datadog.DatadogSettings;
import dev.fleetdeploy.providers.TargetSettings;
import java.io.File;
import java.util.List;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The parameters that say what to work on and where: the provider, the deployments, the account and its
 * credentials. Each is declared once, here: the goals inherit them (Java allows one superclass, so the Mojos' base
 * class extends this one), and so does each {@code <targets>} entry ({@link Target}), which takes from the goal what
 * it does not set. A parameter with a {@code property} is {@code fleet.<its name>}; lists have none.
 *
 * <p>Adding a parameter: a field here, with its javadoc, and its line in {@link #settings}; then its component in the
 * provider's settings record ({@code DatadogSettings}, {@code AduSettings}, or {@code CommonSettings}).
 */
public class TargetParameters {

    /**
     * The fleet service: {@code datadog}, or {@code azure-device-update} (alias {@code adu}). Required.
     *
     * @since 0.1.0
     */
    @Parameter(property = "fleet.provider")
    private String provider;

    /**
     * The deployment to work on; several may be given, separated by commas.
     *
     * @since 0.1.0
     */
    @Parameter(property = "fleet.deploymentId")
    @InheritedTogether(DEPLOYMENT_IDS)
    private String deploymentId;

    /**
     * Deployments to work on, as a list in the POM:
     * {@code <deploymentIds><deploymentId>...</deploymentId></deploymentIds>}.
     *
     * @since 0.1.0
     */
    @Parameter
    @InheritedTogether(DEPLOYMENT_IDS)
    private List<String> deploymentIds;

    /**
     * A file of deployment ids, one a line, for instance written by the step that started the deployment. Blank
     * lines and lines starting with {@code #} are ignored. A relative path is taken from the project folder (the
     * current folder when there is no project).
     *
     * @since 0.1.0
     */
    @Parameter(property = "fleet.deploymentIdFile")
    @InheritedTogether(DEPLOYMENT_IDS)
    private File deploymentIdFile;

    /**
     * {@code active}: instead of deployment ids, the deployments the API reports as active (Datadog: pending or
     * running, narrowed by {@code author} and/or {@code hostQuery}, one of which cancel requires; Azure Device Update:
     * those active in {@code groupId}, and in {@code deviceClassId} when set). The selection is logged and reported
     * before anything is done, and more than {@code maxDeployments} matches refuses the whole run. An abort hook can
     * so cancel a rollout whose id was never written down. Not with a Datadog retry, which works on a finished
     * deployment.
     *
     * @since 0.1.0
     */
    @Parameter(property = "fleet.select")
    @InheritedTogether(DEPLOYMENT_IDS)
    private String select;

    /**
     * {@code scheme://host[:port]} that replaces the provider's API host (private link, gateway, tests). Plain
     * {@code http} is accepted only to a loopback host.
     *
     * @since 0.1.0
     */
    @Parameter(property = "fleet.baseUrl")
    @InheritedTogether(LOCATION)
    private String baseUrl;

    /**
     * The id of a {@code <server>} in settings.xml that holds the credentials; passwords encrypted with
     * {@code mvn --encrypt-password} are decrypted as Maven does. Datadog: {@code <username>} is the API key,
     * {@code <password>} the application key. Azure Device Update: {@code <username>} is the client id,
     * {@code <password>} the client secret.
     *
     * @since 0.1.0
     */
    @Parameter(property = "fleet.serverId")
    @InheritedTogether(CREDENTIALS)
    private String serverId;

    /**
     * Datadog: the site, in any of the forms Datadog writes it ({@code datadoghq.eu}, {@code EU1},
     * {@code app.datadoghq.eu}, {@code api.datadoghq.eu}). Default: the {@code DD_SITE} environment variable, else
     * {@code datadoghq.com}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "fleet.site")
    @InheritedTogether(LOCATION)
    private String site;

    /**
     * Datadog: the API key. Default: the {@code <username>} of the {@code serverId} server, else the
     * {@code DD_API_KEY} environment variable. Maven's debug output shows it as {@code ****} (do not write the key,
     * or {@code ${env...}}, into the POM: Maven prints the POM's configuration under {@code -X}).
     *
     * @since 0.1.0
     */
    @Parameter(property = "fleet.apiKey")
    @InheritedTogether(CREDENTIALS)
    private SecretParameter apiKey;

    /**
     * Datadog: the application key. Default: the {@code <password>} of the {@code serverId} server, else the
     * {@code DD_APP_KEY} environment variable. Shown as {@code ****}, like {@code apiKey}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "fleet.applicationKey")
    @InheritedTogether(CREDENTIALS)
    private SecretParameter applicationKey;

    /**
     * Datadog: the API generation: {@code v2} ({@code /api/v2/fleet/...}, current) or {@code unstable}
     * ({@code /api/unstable/fleet/...}, the older Preview endpoints).
     *
     * @since 0.1.0
     */
    @Parameter(property = "fleet.datadogApi", defaultValue = "v2")
    private String datadogApi;

    /**
     * Datadog, {@code select=active}: only deployments whose {@code author} is this (the handle or e-mail address of
     * the user or service account that started them; compared without regard to case).
     *
     * @since 0.1.0
     */
    @Parameter(property = "fleet.author")
    @InheritedTogether(DEPLOYMENT_IDS)
    private String author;

    /**
     * Datadog, {@code select=active}: only deployments whose host {@code query} is exactly this (the filter they were
     * created with, e.g. {@code env:prod AND service:web}).
     *
     * @since 0.1.0
     */
    @Parameter(property = "fleet.hostQuery")
    @InheritedTogether(DEPLOYMENT_IDS)
    private String hostQuery;

    /**
     * Datadog, {@code retry-deployment} of a package deployment (or of a configuration deployment that also installed
     * packages): the packages to install, {@code name@version}, several separated by commas
     * ({@code datadog-agent@7.52.0}). Datadog's answer names the versions but not the packages, so without this the
     * plugin takes them from the failed hosts, and only when every failed host names the same ones.
     *
     * @since 0.1.0
     */
    @Parameter(property = "fleet.targetPackages")
    private String targetPackages;

    /**
     * Azure Device Update: the account's host name, such as {@code contoso.api.adu.microsoft.com} (no scheme, path
     * or port).
     *
     * @since 0.1.0
     */
    @Parameter(property = "fleet.endpoint")
    @InheritedTogether(LOCATION)
    private String endpoint;

    /**
     * Azure Device Update: shorthand for {@code endpoint}: the account's name, giving
     * {@code <account>.api.adu.microsoft.com}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "fleet.account")
    @InheritedTogether(LOCATION)
    private String account;

    /**
     * Azure Device Update: the instance's name. Required.
     *
     * @since 0.1.0
     */
    @Parameter(property = "fleet.instance")
    private String instance;

    /**
     * Azure Device Update: the API generation: {@code v2} (the 2020 v2 management API), {@code 2021-06-01-preview},
     * or a GA-shaped version ({@code 2026-06-01}, the default and newest stable one; {@code 2023-10-01-preview},
     * {@code 2022-10-01}, {@code 2022-07-01-preview}), which cancels and retries a device-class subgroup at a time.
     *
     * @since 0.1.0
     */
    @Parameter(property = "fleet.apiVersion", defaultValue = "2026-06-01")
    private String apiVersion;

    /**
     * Azure Device Update: the device group the deployment belongs to; required except with {@code apiVersion=v2}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "fleet.groupId")
    private String groupId;

    /**
     * Azure Device Update, GA versions: the one device-class subgroup to act on. Without it, cancel and retry act on
     * every subgroup the deployment lists, each reported on its own.
     *
     * @since 0.1.0
     */
    @Parameter(property = "fleet.deviceClassId")
    private String deviceClassId;

    /**
     * Azure Device Update: a ready bearer token
     * ({@code az account get-access-token --resource https://api.adu.microsoft.com/}). Default: the
     * {@code AZURE_ACCESS_TOKEN} environment variable. Shown as {@code ****}, like {@code apiKey}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "fleet.accessToken")
    @InheritedTogether(CREDENTIALS)
    private SecretParameter accessToken;

    /**
     * Azure Device Update: the directory (tenant) id, for a client secret or federated token. Default:
     * {@code AZURE_TENANT_ID}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "fleet.tenantId")
    private String tenantId;

    /**
     * Azure Device Update: the application (client) id. Default: the {@code <username>} of the {@code serverId}
     * server, else {@code AZURE_CLIENT_ID}. With a managed identity: the user-assigned identity's client id, or its
     * ARM resource id ({@code /subscriptions/.../providers/Microsoft.ManagedIdentity/userAssignedIdentities/name});
     * without it, the system-assigned identity.
     *
     * @since 0.1.0
     */
    @Parameter(property = "fleet.clientId")
    @InheritedTogether(CREDENTIALS)
    private String clientId;

    /**
     * Azure Device Update: the client secret. Default: the {@code <password>} of the {@code serverId} server, else
     * {@code AZURE_CLIENT_SECRET}. Shown as {@code ****}, like {@code apiKey}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "fleet.clientSecret")
    @InheritedTogether(CREDENTIALS)
    private SecretParameter clientSecret;

    /**
     * Azure Device Update: a file holding a federated token (workload identity: Kubernetes, GitHub Actions OIDC),
     * sent to Microsoft Entra ID as the client assertion. Default: {@code AZURE_FEDERATED_TOKEN_FILE}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "fleet.federatedTokenFile")
    @InheritedTogether(CREDENTIALS)
    private String federatedTokenFile;

    /**
     * Azure Device Update: the Microsoft Entra ID authority. Default: {@code AZURE_AUTHORITY_HOST}, else
     * {@code https://login.microsoftonline.com/}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "fleet.authorityHost")
    private String authorityHost;

    /**
     * Azure Device Update: which credential to use: {@code auto} (the default), {@code access-token},
     * {@code client-secret}, {@code client-certificate}, {@code workload-identity}, {@code managed-identity} or
     * {@code azure-cli}. {@code auto} takes what is configured explicitly first (parameters, then the settings
     * server), then follows Azure's {@code DefaultAzureCredential}: the environment (token, client secret, client
     * certificate), workload identity, a managed identity (where the environment names one, or the instance metadata
     * endpoint answers within 1 s), then the Azure CLI; the log says which was chosen and why. A named credential
     * that cannot work fails with its own reason.
     *
     * @since 0.1.0
     */
    @Parameter(property = "fleet.credential", defaultValue = "auto")
    @InheritedTogether(CREDENTIALS)
    private String credential;

    /**
     * Azure Device Update: a client certificate for the app registration: a PEM file (the certificate and its
     * unencrypted RSA private key) or a PKCS#12 file ({@code .pfx}/{@code .p12}). Default:
     * {@code AZURE_CLIENT_CERTIFICATE_PATH}. The certificate chain is sent with the assertion ({@code x5c}) when
     * {@code AZURE_CLIENT_SEND_CERTIFICATE_CHAIN} is {@code true}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "fleet.clientCertificatePath")
    @InheritedTogether(CREDENTIALS)
    private String clientCertificatePath;

    /**
     * Azure Device Update: the PKCS#12 client certificate's password. Default:
     * {@code AZURE_CLIENT_CERTIFICATE_PASSWORD}. Shown as {@code ****}, like {@code apiKey}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "fleet.clientCertificatePassword")
    @InheritedTogether(CREDENTIALS)
    private SecretParameter clientCertificatePassword;

    /**
     * Azure Device Update: the instance metadata service's base URL, where a VM's managed identity gets its tokens.
     * Default: {@code AZURE_POD_IDENTITY_AUTHORITY_HOST}, else {@code http://169.254.169.254}. Only for a proxy of
     * IMDS (AAD Pod Identity) or tests; no proxy is used to reach it.
     *
     * @since 0.1.0
     */
    @Parameter(property = "fleet.imdsEndpoint")
    @InheritedTogether(CREDENTIALS)
    private String imdsEndpoint;

    /** These parameters as typed settings, each named for messages as {@code names} says. */
    public TargetSettings settings(TargetName target, ParameterNames names) {
        SettingReader read = new SettingReader(names);
        DeploymentIdSources ids = new DeploymentIdSources(
                read.text("deploymentId", deploymentId),
                read.list("deploymentIds", deploymentIds),
                read.file("deploymentIdFile", deploymentIdFile),
                read.text("select", select));
        return new TargetSettings(
                new CommonSettings(
                        target,
                        read.text("provider", provider),
                        ids,
                        read.text("baseUrl", baseUrl),
                        read.text("serverId", serverId)),
                new DatadogSettings(
                        read.text("site", site),
                        read.secret("apiKey", apiKey),
                        read.secret("applicationKey", applicationKey),
                        read.text("datadogApi", datadogApi),
                        read.text("author", author),
                        read.text("hostQuery", hostQuery),
                        read.text("targetPackages", targetPackages)),
                new AduSettings(
                        read.text("endpoint", endpoint),
                        read.text("account", account),
                        read.text("instance", instance),
                        read.text("apiVersion", apiVersion),
                        read.text("groupId", groupId),
                        read.text("deviceClassId", deviceClassId),
                        read.secret("accessToken", accessToken),
                        read.text("tenantId", tenantId),
                        read.text("clientId", clientId),
                        read.secret("clientSecret", clientSecret),
                        read.text("federatedTokenFile", federatedTokenFile),
                        read.text("authorityHost", authorityHost),
                        read.text("credential", credential),
                        read.text("clientCertificatePath", clientCertificatePath),
                        read.secret("clientCertificatePassword", clientCertificatePassword),
                        read.text("imdsEndpoint", imdsEndpoint)));
    }
}
