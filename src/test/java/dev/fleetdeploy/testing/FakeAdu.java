package dev.fleetdeploy.testing;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockWebServer;

/**
 * A stateful fake of the Azure Device Update data plane's deployments API on 127.0.0.1, in its three generations
 * (v2 management, 2021-06-01-preview, GA 2022-10-01 and later), for the plugin's tests and the invoker ITs'
 * {@code setup.groovy} / {@code verify.groovy}.
 *
 * <pre>
 * def entra = FakeEntra.start().client('tenant-1', 'client-1', 'secret-1')
 * def adu = FakeAdu.start().trust(entra)                       // tokens entra issues are accepted
 * adu.acceptToken('it-token-...')                             // or a ready token
 * adu.deployment('TestGroup', 'dep1', ['dc1', 'dc2', 'dc3'])
 * adu.subgroup('dep1', 'dc2', 'Failed', 4, 0, 2, 2, 0)
 * adu.answerAlways('dep1/dc3', CannedAnswer.errorObject(500, 'Internal error', 'InternalServerError'))
 * ...
 * assert adu.subgroupState('dep1', 'dc1') == 'Canceled'
 * adu.close()
 * </pre>
 *
 * <p>Every answer carries {@code retry-after: 0}, as the live service's do, so that the plugin is tested against it.
 */
public final class FakeAdu implements RecordsRequests, LoopbackFake {
    /** The key of forced answers for the lists and groups (the reads {@code select=active} makes to find deployments). */
    public static final String LISTS = "(lists)";

    /** The start-time forms the service mixes; deployments take them in turn, so a client must read all three. */
    static final List<String> START_TIMES =
            List.of("2020-04-22T12:12:12.0000000+00:00", "2020-07-01T12:13:14Z", "2020-04-22T05:12:12-07:00");

    private final String instance;
    private final MockWebServer server;
    private final AduState state = new AduState();
    private final AduDispatcher dispatcher;
    private final AtomicInteger added = new AtomicInteger();

    private FakeAdu(String instance) {
        this.instance = instance;
        this.dispatcher = new AduDispatcher(instance, state);
        this.server = LoopbackServer.start(dispatcher, "fake ADU");
    }

    /** Starts a fake for instance "blue" (the spec examples' instance) on an ephemeral loopback port. */
    public static FakeAdu start() {
        return start("blue");
    }

    /** Starts a fake that knows only this instance: paths naming another one get 404. */
    public static FakeAdu start(String instance) {
        return new FakeAdu(instance);
    }

    /** "http://127.0.0.1:PORT", to give the plugin in place of {@code https://{account}.api.adu.microsoft.com}. */
    public String url() {
        return LoopbackServer.url(server.getPort());
    }

    /** The one instance it serves, for scripts that build paths or plugin configuration from it. */
    public String instance() {
        return instance;
    }

    /** Accepts the tokens this fake Entra ID issues, including those it issues later. */
    public FakeAdu trust(FakeEntra entra) {
        dispatcher.trust(entra);
        return this;
    }

    /** Accepts this bearer token as is, as when a pipeline hands the plugin a ready token. */
    public FakeAdu acceptToken(String token) {
        dispatcher.acceptToken(token);
        return this;
    }

    /** Adds (or replaces) a deployment of this group whose subgroups are active, 4 devices each (2 in progress, 1 done, 1 failed). */
    public FakeAdu deployment(String groupId, String id, List<String> deviceClassIds) {
        return addDeployment(
                FakeAduDeployment.of(groupId, id, deviceClassIds, START_TIMES.get(added.get() % START_TIMES.size())));
    }

    /** Adds (or replaces) a deployment as given, for start times, updates or subgroups the shortcuts do not make. */
    public FakeAdu addDeployment(FakeAduDeployment deployment) {
        added.incrementAndGet();
        state.put(deployment);
        return this;
    }

    /** Sets one subgroup of a known deployment to this state and these counts (adds it if the deployment lacks it). */
    public FakeAdu subgroup(
            String deploymentId,
            String deviceClassId,
            String deploymentState,
            int totalDevices,
            int inProgress,
            int succeeded,
            int failed,
            int canceled) {
        return addSubgroup(
                deploymentId,
                FakeSubgroup.of(deviceClassId, deploymentState, totalDevices, inProgress, succeeded, failed, canceled));
    }

    /** Gives a subgroup the error the service shows for a failed one, e.g. {@code ADMConfigurationLimitExceeded}. */
    public FakeAdu subgroupError(String deploymentId, String deviceClassId, String code, String message) {
        return addSubgroup(deploymentId, subgroup(deploymentId, deviceClassId).withError(code, message));
    }

    /** Sets (or adds) one subgroup of a known deployment as given. */
    public FakeAdu addSubgroup(String deploymentId, FakeSubgroup subgroup) {
        state.putSubgroup(deploymentId, subgroup);
        return this;
    }

    /** The deployment as the fake holds it now (after any cancel, retry or status read), or null when unknown. */
    public FakeAduDeployment deployment(String id) {
        return state.get(id).orElse(null);
    }

    /** One subgroup as the fake holds it now; fails when the deployment or subgroup is unknown. */
    public FakeSubgroup subgroup(String deploymentId, String deviceClassId) {
        FakeAduDeployment deployment = state.get(deploymentId)
                .orElseThrow(() -> new IllegalArgumentException("no deployment " + deploymentId));
        return deployment
                .subgroup(deviceClassId)
                .orElseThrow(() -> new IllegalArgumentException("deployment " + deploymentId + " has no subgroup "
                        + deviceClassId + "; it has " + deployment.deviceClassIds()));
    }

    /** The subgroup's state now, e.g. "Canceled" after a cancel reached it. */
    public String subgroupState(String deploymentId, String deviceClassId) {
        return subgroup(deploymentId, deviceClassId).deploymentState();
    }

    /**
     * Every request about {@code key} gets this answer, whatever the state (after the token check). The key is
     * "deploymentId/deviceClassId" for GA requests that name that subgroup, checked first, or "deploymentId" for
     * every request about the deployment, in any generation.
     */
    public FakeAdu answerAlways(String key, CannedAnswer answer) {
        dispatcher.forced().always(key, answer);
        return this;
    }

    /** The next request about {@code key} gets this answer; calls queue up, and then the fake answers as usual. */
    public FakeAdu answerOnce(String key, CannedAnswer answer) {
        dispatcher.forced().once(key, answer);
        return this;
    }

    /** Lists come this many items a page, each page but the last with a nextLink (default 100). */
    public FakeAdu listPageSize(int size) {
        dispatcher.listPageSize(size);
        return this;
    }

    /** Writes nextLink as a path with its query (default: an absolute URL); the service's form is not recorded. */
    public FakeAdu nextLinksAsPaths() {
        dispatcher.nextLinksAsPaths();
        return this;
    }

    /** GA subgroups leave out their deploymentId (which the spec makes optional). */
    public FakeAdu omitSubgroupDeploymentIds() {
        dispatcher.omitSubgroupDeploymentIds();
        return this;
    }

    /** Leaves out boolean flags that are false, as the live service does (the spec's examples show them). */
    public FakeAdu omitFalseFlags() {
        dispatcher.omitFalseFlags();
        return this;
    }

    /** Answers unknown instances, groups, subgroups and deployments in the spec's error shape, not RFC 7807's. */
    public FakeAdu errorsAsAzureJson() {
        dispatcher.errorsAsAzureJson();
        return this;
    }

    @Override
    public List<ReceivedRequest> requests() {
        return dispatcher.received();
    }

    @Override
    public void close() {
        server.close();
    }

    @Override
    public String toString() {
        return "FakeAdu[" + url() + ", instance " + instance + ", " + requests().size() + " requests]";
    }
}
