package dev.fleetdeploy.maven;

import dev.fleetdeploy.core.ConfigurationException;
import dev.fleetdeploy.core.Environment;
import dev.fleetdeploy.core.FleetLog;
import dev.fleetdeploy.core.JobSummary;
import dev.fleetdeploy.core.Operation;
import dev.fleetdeploy.core.RunOptions;
import dev.fleetdeploy.core.RunOutputs;
import dev.fleetdeploy.core.RunProgress;
import dev.fleetdeploy.core.RunReport;
import dev.fleetdeploy.core.SecretMasker;
import dev.fleetdeploy.core.Sleeper;
import dev.fleetdeploy.http.HttpSettings;
import dev.fleetdeploy.http.RetryPolicy;
import dev.fleetdeploy.providers.FleetExecution;
import java.io.File;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.Mojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * What every goal shares: it reads the configuration (parameters, settings.xml, the session), hands it to a
 * {@link FleetExecution}, and turns the outcome into log lines, a report file and the build's result. Nothing here
 * talks to a provider. The parameters that say what to work on are declared in {@link TargetParameters}; those here
 * say how the goal runs.
 */
public abstract class AbstractFleetMojo extends TargetParameters implements Mojo {

    /**
     * {@code false}: report failures as warnings and let the build pass.
     *
     * @since 0.1.0
     */
    @Parameter(property = "fleet.failOnError", defaultValue = "true")
    private boolean failOnError;

    /**
     * Do nothing, and say so.
     *
     * @since 0.1.0
     */
    @Parameter(property = "fleet.skip", defaultValue = "false")
    private boolean skip;

    /**
     * Print what would be sent, credentials masked, and send nothing. Configuration is still checked in full.
     *
     * @since 0.1.0
     */
    @Parameter(property = "fleet.dryRun", defaultValue = "false")
    private boolean dryRun;

    /**
     * Seconds to wait for a connection to the API.
     *
     * @since 0.1.0
     */
    @Parameter(property = "fleet.connectTimeout", defaultValue = "10")
    private int connectTimeout;

    /**
     * Seconds to wait for the API's answer.
     *
     * @since 0.1.0
     */
    @Parameter(property = "fleet.readTimeout", defaultValue = "30")
    private int readTimeout;

    /**
     * How many times (0 to 10) to repeat a request answered 408, 429, 500, 502, 503 or 504, or whose connection
     * failed, waiting as the API asks ({@code retry-after-ms}, {@code Retry-After}, Datadog's
     * {@code x-ratelimit-reset}; at least 1 s) or about 2, 4, 8... seconds with jitter, at most 60 s a time. A
     * repeated cancel refused as already done is checked against the deployment's state. 0 disables retries.
     *
     * @since 0.1.0
     */
    @Parameter(property = "fleet.maxRetries", defaultValue = "3")
    private int maxRetries;

    /**
     * Where to write the machine-readable outcome, one entry per deployment (JSON). Default, when there is a
     * project: {@code target/fleet/<goal>.json}; without a project, no report unless this is set.
     *
     * @since 0.1.0
     */
    @Parameter(property = "fleet.reportFile")
    private File reportFile;

    /**
     * After the operation, poll the deployment until it reaches a final state (or {@code waitTimeout} passes).
     *
     * @since 0.1.0
     */
    @Parameter(property = "fleet.wait", defaultValue = "false")
    private boolean wait;

    /**
     * Seconds between the first polls of {@code wait}; while the deployment does not change, each pause is half as
     * long again as the one before (up to 60 s), and it starts over when the deployment changes.
     *
     * @since 0.1.0
     */
    @Parameter(property = "fleet.pollInterval", defaultValue = "10")
    private int pollInterval;

    /**
     * Seconds {@code wait} polls at most; a deployment still not final then counts as a failure.
     *
     * @since 0.1.0
     */
    @Parameter(property = "fleet.waitTimeout", defaultValue = "600")
    private int waitTimeout;

    /**
     * Seconds the whole goal may take, retries, rate-limit pauses and {@code wait} included: no request is sent, and
     * no pause begun, that would end after it, so an abort hook can never hang. Default: 300, plus
     * {@code waitTimeout} when {@code wait} is on.
     *
     * @since 0.1.0
     */
    @Parameter(property = "fleet.executionTimeout")
    private Integer executionTimeout;

    /**
     * With {@code select}: the most deployments one run acts on. When the selection finds more, the run refuses, lists
     * them, and acts on none (1 to 1000).
     *
     * @since 0.1.0
     */
    @Parameter(property = "fleet.maxDeployments", defaultValue = "10")
    private int maxDeployments;

    /**
     * A file that the id of each deployment the plugin creates (a Datadog retry creates a new one) is appended to, one
     * a line, as soon as it is created: the pipeline's abort hook can cancel it with {@code deploymentIdFile}. Its
     * folders are made when missing. A relative path is taken from the project folder (the current folder when there is
     * no project).
     *
     * @since 0.1.0
     */
    @Parameter(property = "fleet.createdIdFile")
    private File createdIdFile;

    /**
     * How many deployments to work on at once. Lowered by itself, for the rest of the execution, when the API
     * answers 429 (its rate limit).
     *
     * @since 0.1.0
     */
    @Parameter(property = "fleet.parallelism", defaultValue = "8")
    private int parallelism;

    /**
     * Several providers, sites or accounts in one execution: each {@code <target>} takes the parameters of this
     * goal (provider, deploymentId, deploymentIds, deploymentIdFile, select, baseUrl, serverId, the Datadog and the
     * Azure Device Update parameters, and a {@code name} for messages) and inherits those it does not set, a group at
     * a time (ids with select, author and hostQuery; credentials; site, endpoint, account and baseUrl). Give each target its credentials through
     * {@code serverId}: secrets written into the POM are printed by Maven under {@code -X}.
     *
     * @since 0.1.0
     */
    @Parameter
    private List<Target> targets;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    @Parameter(defaultValue = "${project}", readonly = true)
    private MavenProject project;

    private final SettingsDecrypter decrypter;

    /** The process environment; Mojo tests put their own here. */
    private Environment environment = Environment.system();

    private Log log;

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
        FleetLog fleetLog = new MavenFleetLog(getLog(), masker);
        try {
            RunOptions options = runOptions();
            MavenSettingsAccess mavenSettings = new MavenSettingsAccess(session.getSettings(), decrypter, masker);
            FleetExecution execution = new FleetExecution(
                    operation(),
                    TargetSettingsFactory.build(this, targets),
                    httpSettings(mavenSettings),
                    options,
                    environment,
                    mavenSettings,
                    session.isOffline(),
                    MavenTerms.TERMS,
                    Clock.systemUTC(),
                    Sleeper.SYSTEM);
            // A build stopped halfway (SIGTERM, SIGINT) still writes its report and job summary: the core knows how.
            RunProgress progress = new RunProgress(MavenTerms.TERMS);
            RunOutputs outputs = new RunOutputs(reportPath(), JobSummary.file(environment), masker);
            try (AbortHook hook = AbortHook.install(() -> outputs.abort(progress, fleetLog))) {
                RunReport report = execution.run(fleetLog, masker, progress);
                new BuildResult(fleetLog, masker, !failOnError).finish(report, outputs);
            }
        } catch (ConfigurationException e) {
            throw new MojoExecutionException(masker.mask(e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException(goal + " was interrupted; some deployments may not have been attempted.");
        }
    }

    private RunOptions runOptions() {
        requireBetween("connectTimeout", connectTimeout, 1, 300);
        requireBetween("readTimeout", readTimeout, 1, 600);
        requireBetween("maxRetries", maxRetries, 0, 10);
        requireBetween("waitTimeout", waitTimeout, 1, 86_400);
        requireBetween("parallelism", parallelism, 1, 64);
        requireBetween("pollInterval", pollInterval, 1, 300);
        requireBetween("maxDeployments", maxDeployments, 1, 1000);
        Duration budget;
        if (executionTimeout != null) {
            requireBetween("executionTimeout", executionTimeout, 10, 86_400);
            budget = Duration.ofSeconds(executionTimeout);
        } else {
            budget = RunOptions.DEFAULT_EXECUTION_BUDGET.plusSeconds(wait ? waitTimeout : 0);
        }
        return new RunOptions(
                dryRun,
                wait,
                Duration.ofSeconds(waitTimeout),
                Duration.ofSeconds(pollInterval),
                parallelism,
                !failOnError,
                budget,
                maxDeployments,
                createdIdFile == null ? null : createdIdFile.toPath());
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

    @Override
    public void setLog(Log log) {
        this.log = log;
    }

    @Override
    public Log getLog() {
        if (log == null) {
            log = new SystemStreamLog();
        }
        return log;
    }
}
