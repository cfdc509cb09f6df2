package dev.fleetdeploy.maven;

import dev.fleetdeploy.adu.AduParameters;
import dev.fleetdeploy.core.CommonParameters;
import dev.fleetdeploy.core.ConfigurationException;
import dev.fleetdeploy.core.DeploymentOutcome;
import dev.fleetdeploy.core.Environment;
import dev.fleetdeploy.core.FleetLog;
import dev.fleetdeploy.core.Operation;
import dev.fleetdeploy.core.ReportWriter;
import dev.fleetdeploy.core.RunOptions;
import dev.fleetdeploy.core.RunReport;
import dev.fleetdeploy.core.SecretMasker;
import dev.fleetdeploy.core.TargetSettings;
import dev.fleetdeploy.datadog.DatadogParameters;
import dev.fleetdeploy.http.HttpSettings;
import dev.fleetdeploy.http.RetryPolicy;
import dev.fleetdeploy.providers.FleetExecution;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * What every goal shares: it reads the configuration (parameters, settings.xml, the session), hands it to a
 * {@link FleetExecution}, and turns the outcome into log lines, a report file and the build's result. Nothing here
 * talks to a provider.
 */
public abstract class AbstractFleetMojo extends AbstractMojo {

    /** The fleet service: {@code datadog}, or {@code azure-device-update} (alias {@code adu}). Required. */
    @Parameter(property = "fleet.provider")
    private String provider;

    /** The deployment to work on; several may be given, separated by commas. */
    @Parameter(property = "fleet.deploymentId")
    private String deploymentId;

    /** Deployments to work on, as a list in the POM: {@code <deploymentIds><deploymentId>...</deploymentId></deploymentIds>}. */
    @Parameter
    private List<String> deploymentIds;

    /**
     * A file of deployment ids, one a line, for instance written by the step that started the deployment. Blank
     * lines and lines starting with {@code #} are ignored. A relative path is taken from the project folder (the
     * current folder when there is no project).
     */
    @Parameter(property = "fleet.deploymentIdFile")
    private File deploymentIdFile;

    /**
     * {@code scheme://host[:port]} that replaces the provider's API host (private link, gateway, tests). Plain
     * {@code http} is accepted only to a loopback host.
     */
    @Parameter(property = "fleet.baseUrl")
    private String baseUrl;

    /**
     * The id of a {@code <server>} in settings.xml that holds the credentials; passwords encrypted with
     * {@code mvn --encrypt-password} are decrypted as Maven does. Datadog: {@code <username>} is the API key,
     * {@code <password>} the application key. Azure Device Update: {@code <username>} is the client id,
     * {@code <password>} the client secret.
     */
    @Parameter(property = "fleet.serverId")
    private String serverId;

    /** {@code false}: report failures as warnings and let the build pass. */
    @Parameter(property = "fleet.failOnError", defaultValue = "true")
    private boolean failOnError;

    /** Do nothing, and say so. */
    @Parameter(property = "fleet.skip", defaultValue = "false")
    private boolean skip;

    /** Print what would be sent, credentials masked, and send nothing. Configuration is still checked in full. */
    @Parameter(property = "fleet.dryRun", defaultValue = "false")
    private boolean dryRun;

    /** Seconds to wait for a connection to the API. */
    @Parameter(property = "fleet.connectTimeout", defaultValue = "10")
    private int connectTimeout;

    /** Seconds to wait for the API's answer. */
    @Parameter(property = "fleet.readTimeout", defaultValue = "30")
    private int readTimeout;

    /**
     * How many times (0 to 10) to repeat a request answered 408, 429, 500, 502, 503 or 504, or whose connection
     * failed, waiting as the API asks ({@code retry-after-ms}, {@code Retry-After}, Datadog's
     * {@code x-ratelimit-reset}; at least 1 s) or about 2, 4, 8... seconds with jitter, at most 60 s a time. A
     * repeated cancel refused as already done is checked against the deployment's state. 0 disables retries.
     */
    @Parameter(property = "fleet.maxRetries", defaultValue = "3")
    private int maxRetries;

    /**
     * Where to write the machine-readable outcome, one entry per deployment (JSON). Default, when there is a
     * project: {@code target/fleet/<goal>.json}; without a project, no report unless this is set.
     */
    @Parameter(property = "fleet.reportFile")
    private File reportFile;

    /** After the operation, poll the deployment until it reaches a final state (or {@code waitTimeout} passes). */
    @Parameter(property = "fleet.wait", defaultValue = "false")
    private boolean wait;

    /**
     * Seconds between the first polls of {@code wait}; while the deployment does not change, each pause is half as
     * long again as the one before (up to 60 s), and it starts over when the deployment changes.
     */
    @Parameter(property = "fleet.pollInterval", defaultValue = "10")
    private int pollInterval;

    /** Seconds {@code wait} polls at most; a deployment still not final then counts as a failure. */
    @Parameter(property = "fleet.waitTimeout", defaultValue = "600")
    private int waitTimeout;

    /**
     * Seconds the whole goal may take, retries, rate-limit pauses and {@code wait} included: no request is sent, and
     * no pause begun, that would end after it, so an abort hook can never hang. Default: 300, plus {@code waitTimeout}
     * when {@code wait} is on.
     */
    @Parameter(property = "fleet.executionTimeout")
    private Integer executionTimeout;

    /**
     * How many deployments to work on at once. Lowered by itself, for the rest of the execution, when the API
     * answers 429 (its rate limit).
     */
    @Parameter(property = "fleet.parallelism", defaultValue = "8")
    private int parallelism;

    /**
     * Several providers, sites or accounts in one execution: each {@code <target>} takes the parameters of this
     * goal (provider, deploymentId, deploymentIds, deploymentIdFile, baseUrl, serverId, the Datadog and the Azure
     * Device Update parameters, and a {@code name} for messages) and inherits those it does not set, a group at a
     * time (ids; credentials; site, endpoint, account and baseUrl). Give each target its credentials through
     * {@code serverId}: secrets written into the POM are printed by Maven under {@code -X}.
     */
    @Parameter
    private List<Target> targets;

    /**
     * Datadog: the site, in any of the forms Datadog writes it ({@code datadoghq.eu}, {@code EU1},
     * {@code app.datadoghq.eu}, {@code api.datadoghq.eu}). Default: the {@code DD_SITE} environment variable, else
     * {@code datadoghq.com}.
     */
    @Parameter(property = "fleet.site")
    private String site;

    /**
     * Datadog: the API key. Default: the {@code <username>} of the {@code serverId} server, else the
     * {@code DD_API_KEY} environment variable. Maven's debug output shows it as {@code ****} (do not write the key,
     * or {@code ${env...}}, into the POM: Maven prints the POM's configuration under {@code -X}).
     */
    @Parameter(property = "fleet.apiKey")
    private SecretParameter apiKey;

    /**
     * Datadog: the application key. Default: the {@code <password>} of the {@code serverId} server, else the
     * {@code DD_APP_KEY} environment variable. Shown as {@code ****}, like {@code apiKey}.
     */
    @Parameter(property = "fleet.applicationKey")
    private SecretParameter applicationKey;

    /**
     * Datadog: the API generation: {@code v2} ({@code /api/v2/fleet/...}, current) or {@code unstable}
     * ({@code /api/unstable/fleet/...}, the older Preview endpoints).
     */
    @Parameter(property = "fleet.datadogApi", defaultValue = "v2")
    private String datadogApi;

    /** Azure Device Update: the account's host name, such as {@code contoso.api.adu.microsoft.com} (no scheme, path or port). */
    @Parameter(property = "fleet.endpoint")
    private String endpoint;

    /** Azure Device Update: shorthand for {@code endpoint}: the account's name, giving {@code <account>.api.adu.microsoft.com}. */
    @Parameter(property = "fleet.account")
    private String account;

    /** Azure Device Update: the instance's name. Required. */
    @Parameter(property = "fleet.instance")
    private String instance;

    /**
     * Azure Device Update: the API generation: {@code v2} (the seed's management API), {@code 2021-06-01-preview}, or a
     * GA-shaped version ({@code 2022-10-01}, {@code 2023-10-01-preview}, {@code 2026-06-01}), which cancels and
     * retries a device-class subgroup at a time.
     */
    @Parameter(property = "fleet.apiVersion", defaultValue = "2022-10-01")
    private String apiVersion;

    /** Azure Device Update: the device group the deployment belongs to; required except with {@code apiVersion=v2}. */
    @Parameter(property = "fleet.groupId")
    private String groupId;

    /**
     * Azure Device Update, GA versions: the one device-class subgroup to act on. Without it, cancel and retry act on
     * every subgroup the deployment lists, each reported on its own.
     */
    @Parameter(property = "fleet.deviceClassId")
    private String deviceClassId;

    /**
     * Azure Device Update: a ready bearer token ({@code az account get-access-token --resource https://api.adu.microsoft.com/}).
     * Default: the {@code AZURE_ACCESS_TOKEN} environment variable. Shown as {@code ****}, like {@code apiKey}.
     */
    @Parameter(property = "fleet.accessToken")
    private SecretParameter accessToken;

    /** Azure Device Update: the directory (tenant) id, for a client secret or federated token. Default: {@code AZURE_TENANT_ID}. */
    @Parameter(property = "fleet.tenantId")
    private String tenantId;

    /**
     * Azure Device Update: the application (client) id. Default: the {@code <username>} of the {@code serverId}
     * server, else {@code AZURE_CLIENT_ID}.
     */
    @Parameter(property = "fleet.clientId")
    private String clientId;

    /**
     * Azure Device Update: the client secret. Default: the {@code <password>} of the {@code serverId} server, else
     * {@code AZURE_CLIENT_SECRET}. Shown as {@code ****}, like {@code apiKey}.
     */
    @Parameter(property = "fleet.clientSecret")
    private SecretParameter clientSecret;

    /**
     * Azure Device Update: a file holding a federated token (workload identity: Kubernetes, GitHub Actions OIDC),
     * sent to Microsoft Entra ID as the client assertion. Default: {@code AZURE_FEDERATED_TOKEN_FILE}.
     */
    @Parameter(property = "fleet.federatedTokenFile")
    private String federatedTokenFile;

    /**
     * Azure Device Update: the Microsoft Entra ID authority. Default: {@code AZURE_AUTHORITY_HOST}, else
     * {@code https://login.microsoftonline.com/}.
     */
    @Parameter(property = "fleet.authorityHost")
    private String authorityHost;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    @Parameter(defaultValue = "${project}", readonly = true)
    private MavenProject project;

    private final SettingsDecrypter decrypter;

    /** The process environment; Mojo tests put their own here. */
    private Environment environment = Environment.system();

    protected AbstractFleetMojo(SettingsDecrypter decrypter) {
        this.decrypter = decrypter;
    }

    /** What this goal asks of each deployment. */
    protected abstract Operation operation();

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        String goal = operation().goal();
        if (skip) {
            getLog().info("Skipping " + goal + ": skip is set (fleet.skip).");
            return;
        }
        SecretMasker masker = new SecretMasker();
        FleetLog log = new MavenFleetLog(getLog(), masker);
        try {
            RunOptions options = runOptions();
            List<TargetSettings> settings = TargetSettingsFactory.build(topLevel(), targets);
            MavenSettingsAccess mavenSettings = new MavenSettingsAccess(session.getSettings(), decrypter, masker);
            FleetExecution execution = new FleetExecution(
                    operation(),
                    settings,
                    httpSettings(mavenSettings),
                    options,
                    environment,
                    mavenSettings,
                    session.isOffline(),
                    MavenTerms.TERMS);
            finish(execution.run(log, masker), log, masker);
        } catch (ConfigurationException e) {
            throw new MojoExecutionException(masker.mask(e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException(goal + " was interrupted; some deployments may not have been attempted.");
        }
    }

    private void finish(RunReport report, FleetLog log, SecretMasker masker)
            throws MojoExecutionException, MojoFailureException {
        Optional<Path> reportPath = reportPath();
        if (reportPath.isPresent()) {
            try {
                ReportWriter.write(report, reportPath.get(), masker);
                log.info("Report: " + reportPath.get());
            } catch (IOException e) {
                throw new MojoExecutionException("Could not write the report file " + reportPath.get() + " ("
                        + e.getMessage() + "): check that its folder is writable, or set reportFile elsewhere.");
            }
        }
        log.info(report.summary());
        if (!report.hasFailures()) {
            return;
        }
        if (!failOnError) {
            log.warn("failOnError is false: the build goes on despite "
                    + report.failures().size() + " failed deployment"
                    + (report.failures().size() == 1 ? "" : "s") + ".");
            return;
        }
        List<DeploymentOutcome.Failed> failures = report.failures();
        String message = failures.size() == 1 && report.outcomes().size() == 1
                ? failures.get(0).message()
                : report.summary()
                        + System.lineSeparator()
                        + failures.stream()
                                .map(DeploymentOutcome.Failed::message)
                                .collect(Collectors.joining(System.lineSeparator()));
        throw new MojoFailureException(masker.mask(message));
    }

    private ConfigurationLayer topLevel() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(CommonParameters.PROVIDER, provider);
        values.put(CommonParameters.BASE_URL, baseUrl);
        values.put(CommonParameters.SERVER_ID, serverId);
        values.put(DatadogParameters.SITE, site);
        values.put(DatadogParameters.API_KEY, reveal(apiKey));
        values.put(DatadogParameters.APPLICATION_KEY, reveal(applicationKey));
        values.put(DatadogParameters.DATADOG_API, datadogApi);
        values.put(AduParameters.ENDPOINT, endpoint);
        values.put(AduParameters.ACCOUNT, account);
        values.put(AduParameters.INSTANCE, instance);
        values.put(AduParameters.API_VERSION, apiVersion);
        values.put(AduParameters.GROUP_ID, groupId);
        values.put(AduParameters.DEVICE_CLASS_ID, deviceClassId);
        values.put(AduParameters.ACCESS_TOKEN, reveal(accessToken));
        values.put(AduParameters.TENANT_ID, tenantId);
        values.put(AduParameters.CLIENT_ID, clientId);
        values.put(AduParameters.CLIENT_SECRET, reveal(clientSecret));
        values.put(AduParameters.FEDERATED_TOKEN_FILE, federatedTokenFile);
        values.put(AduParameters.AUTHORITY_HOST, authorityHost);
        return new ConfigurationLayer(values, deploymentId, deploymentIds, deploymentIdFile);
    }

    static String reveal(SecretParameter secret) {
        return secret == null ? null : secret.reveal();
    }

    private RunOptions runOptions() {
        requireBetween("connectTimeout", connectTimeout, 1, 300);
        requireBetween("readTimeout", readTimeout, 1, 600);
        requireBetween("maxRetries", maxRetries, 0, 10);
        requireBetween("waitTimeout", waitTimeout, 1, 86_400);
        requireBetween("parallelism", parallelism, 1, 64);
        requireBetween("pollInterval", pollInterval, 1, 300);
        Duration poll = Duration.ofSeconds(pollInterval);
        Duration budget;
        if (executionTimeout != null) {
            requireBetween("executionTimeout", executionTimeout, 10, 86_400);
            budget = Duration.ofSeconds(executionTimeout);
        } else {
            budget = RunOptions.DEFAULT_EXECUTION_BUDGET.plusSeconds(wait ? waitTimeout : 0);
        }
        return new RunOptions(dryRun, wait, Duration.ofSeconds(waitTimeout), poll, parallelism, !failOnError, budget);
    }

    /** Refuses a number outside what makes sense: a typo such as 3000 retries must not hold a pipeline. */
    private static void requireBetween(String parameter, int value, int minimum, int maximum) {
        if (value < minimum || value > maximum) {
            throw new ConfigurationException(parameter + " (-Dfleet." + parameter + ") is " + value + ": give "
                    + (value < minimum && maximum > 1000 ? "at least " + minimum : minimum + " to " + maximum) + ".");
        }
    }

    private HttpSettings httpSettings(MavenSettingsAccess mavenSettings) {
        return new HttpSettings(
                Duration.ofSeconds(connectTimeout),
                Duration.ofSeconds(readTimeout),
                RetryPolicy.withRetries(maxRetries),
                parallelism,
                mavenSettings.activeProxies());
    }

    private Optional<Path> reportPath() {
        if (reportFile != null) {
            return Optional.of(reportFile.toPath());
        }
        if (project != null
                && session.getRequest() != null
                && session.getRequest().isProjectPresent()
                && project.getBuild() != null
                && project.getBuild().getDirectory() != null) {
            return Optional.of(Path.of(
                    project.getBuild().getDirectory(), "fleet", operation().goal() + ".json"));
        }
        return Optional.empty();
    }
}
