package dev.fleetdeploy.testing;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import okhttp3.HttpUrl;

/**
 * Answers as Datadog's Fleet deployments API does: records the request, checks the keys and any rate-limit window,
 * then answers from a forced answer if the test set one for the id, else from the fleet's state. It knows nothing of
 * the server that carries requests and answers ({@link AnswerDispatcher} puts it on MockWebServer).
 */
final class FleetDispatcher {
    /** Accepted API key to its application key: one organization's key pairs. */
    private final Map<String, String> keyPairs = new ConcurrentHashMap<>();

    private final FleetState state;
    private final List<ReceivedRequest> received = new CopyOnWriteArrayList<>();
    private final ForcedAnswers<Forced> forced = new ForcedAnswers<>();
    private final TrafficMeter traffic = new TrafficMeter();
    private final Map<String, Function<ReceivedRequest, CannedAnswer>> endpoints = new ConcurrentHashMap<>();
    /** No key pair given: any pair of keys is accepted, as long as both are there. */
    private final boolean anyKeys;

    private volatile boolean recording = true;
    /** How long every answer takes to prepare (a slow API). */
    private volatile Duration thinkTime = Duration.ZERO;
    /** Null: no rate limit. */
    private volatile RateLimitWindow window;
    /** Who the keys belong to: the author of what they create. */
    private volatile String keyOwner = "it@example.com";
    /** The fake's clock, for the start time of what it creates. */
    private volatile Clock clock = Clock.systemUTC();
    /** Whether {@code sort} is refused with a 400, as for a field the server does not support. */
    private volatile boolean sortUnsupported;
    /** Answers for the next real creates: the deployment is made, and this is what the client gets instead of 201. */
    private final Deque<CannedAnswer> afterCreating = new ConcurrentLinkedDeque<>();

    /** What a forced answer is for: one operation on an id, or (call null) every request about it. */
    record Forced(String id, FakeDatadog.Call call) {}

    FleetDispatcher(String apiKey, String applicationKey, FleetState state) {
        this.anyKeys = apiKey == null;
        if (!anyKeys) {
            keyPairs.put(apiKey, applicationKey);
        }
        this.state = state;
    }

    void accept(String apiKey, String applicationKey) {
        keyPairs.put(apiKey, applicationKey);
    }

    List<ReceivedRequest> received() {
        return List.copyOf(received);
    }

    ForcedAnswers<Forced> forced() {
        return forced;
    }

    void thinkTime(Duration duration) {
        thinkTime = duration;
    }

    void rateLimit(RateLimitWindow window) {
        this.window = window;
    }

    void stopRecording() {
        recording = false;
    }

    void serve(String pathPrefix, Function<ReceivedRequest, CannedAnswer> endpoint) {
        endpoints.put(pathPrefix, endpoint);
    }

    TrafficMeter traffic() {
        return traffic;
    }

    void keyOwner(String author) {
        keyOwner = author;
    }

    void clock(Clock value) {
        clock = value;
    }

    void sortUnsupported() {
        sortUnsupported = true;
    }

    void answerAfterCreating(CannedAnswer answer) {
        afterCreating.add(answer);
    }

    CannedAnswer answer(ReceivedRequest request) {
        for (Map.Entry<String, Function<ReceivedRequest, CannedAnswer>> endpoint : endpoints.entrySet()) {
            if (request.path().startsWith(endpoint.getKey())) {
                return endpoint.getValue().apply(request);
            }
        }
        traffic.arrived(System.nanoTime());
        int code = 503;
        try {
            if (recording) {
                received.add(request);
            }
            if (!thinkTime.isZero()) {
                Thread.sleep(thinkTime.toMillis());
            }
            CannedAnswer answer = checked(request);
            code = answer.code();
            return answer;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CannedAnswer.errors(code, "interrupted");
        } finally {
            traffic.answered(code);
        }
    }

    private CannedAnswer checked(ReceivedRequest request) {
        if (!authorized(request.header("DD-API-KEY"), request.header("DD-APPLICATION-KEY"))) {
            return CannedAnswer.errors(401, "Unauthorized");
        }
        RateLimitWindow limit = window;
        if (limit == null) {
            return route(request);
        }
        RateLimitWindow.Admission admission = limit.admit(System.nanoTime());
        CannedAnswer answer = admission.allowed() ? route(request) : CannedAnswer.errors(429, "Too many requests");
        for (Map.Entry<String, String> header : admission.headers().entrySet()) {
            answer = answer.withHeader(header.getKey(), header.getValue());
        }
        return answer;
    }

    private boolean authorized(String apiKey, String applicationKey) {
        if (apiKey == null || applicationKey == null) {
            return false;
        }
        return anyKeys
                ? !apiKey.isBlank() && !applicationKey.isBlank()
                : keyPairs.getOrDefault(apiKey, "").equals(applicationKey);
    }

    private CannedAnswer route(ReceivedRequest request) {
        HttpUrl url = HttpUrl.parse("http://" + LoopbackServer.HOST + request.target());
        Optional<Route> route = url == null ? Optional.empty() : Route.of(url, request.method());
        if (route.isEmpty()) {
            return CannedAnswer.errors(404, "Not Found");
        }
        Route to = route.get();
        if (!request.method().equals(to.method())) {
            return CannedAnswer.errors(405, "Method Not Allowed");
        }
        FakeDatadog.Call call = to.cancel() ? FakeDatadog.Call.CANCEL : FakeDatadog.Call.GET;
        Optional<CannedAnswer> answer =
                forced.next(new Forced(to.id(), call)).or(() -> forced.next(new Forced(to.id(), null)));
        if (answer.isPresent()) {
            return answer.get();
        }
        return switch (to.kind()) {
            case CANCEL -> cancel(to);
            case READ -> read(to, url);
            case LIST -> list(url);
            case CONFIGURE, UPGRADE -> create(to, request.body() == null ? "" : request.body());
        };
    }

    private CannedAnswer create(Route route, String body) {
        FleetCreation.Outcome outcome = FleetCreation.apply(
                route.kind() == Route.Kind.UPGRADE,
                body,
                state,
                keyOwner,
                state.nextCreatedId(),
                clock.instant().getEpochSecond());
        if (outcome instanceof FleetCreation.Outcome.Refused refused) {
            return CannedAnswer.errors(refused.code(), refused.message());
        }
        if (outcome instanceof FleetCreation.Outcome.DryRun dryRun) {
            return CannedAnswer.of(200, CannedAnswer.JSON, DatadogBodies.dryRun(dryRun.query(), dryRun.totalHosts()));
        }
        FakeDeployment made = ((FleetCreation.Outcome.Created) outcome).deployment();
        state.created(made);
        CannedAnswer instead = afterCreating.poll();
        return instead != null ? instead : CannedAnswer.of(201, CannedAnswer.JSON, DatadogBodies.created(made));
    }

    /** The list: paged by number, optionally sorted by start date, filtered by status only. */
    private CannedAnswer list(HttpUrl url) {
        Page page = Page.of(url, "page_size", 10, "page_number");
        if (page.refusal() != null) {
            return page.refusal();
        }
        List<FakeDeployment> all = new ArrayList<>(state.all());
        String sort = url.queryParameter("sort");
        if (sort != null) {
            if (sortUnsupported || !sort.equals("start_date")) {
                return CannedAnswer.errors(400, "Sorting on an unsupported field: " + sort);
            }
            Comparator<FakeDeployment> byStart =
                    Comparator.comparingLong(d -> d.info().startedAt());
            all.sort("true".equals(url.queryParameter("ascending")) ? byStart : byStart.reversed());
        }
        int total = all.size();
        String filter = url.queryParameter("filter");
        if (filter != null) {
            if (!filter.startsWith("status:")) {
                return CannedAnswer.errors(400, "Filtering on an unsupported field: " + filter);
            }
            String status = filter.substring("status:".length());
            all.removeIf(d -> !d.status().equals(status));
        }
        int from = (int) Math.min(all.size(), (long) page.number() * page.size());
        int to = Math.min(all.size(), from + page.size());
        return CannedAnswer.of(200, CannedAnswer.JSON, DatadogBodies.list(all.subList(from, to), total, all.size()));
    }

    private CannedAnswer cancel(Route route) {
        Optional<FleetState.CancelOutcome> outcome = state.cancel(route.id());
        if (outcome.isEmpty()) {
            return DatadogAnswers.notFound();
        }
        FakeDeployment deployment = outcome.get().deployment();
        if (!outcome.get().accepted()) {
            return DatadogAnswers.notCancelable(deployment);
        }
        return route.v2()
                ? DatadogAnswers.canceled(deployment.id(), deployment.status(), DatadogBodies.CANCEL_MESSAGE)
                : DatadogAnswers.unstableCanceled();
    }

    private CannedAnswer read(Route route, HttpUrl url) {
        Page page = Page.of(url, "limit", 50, "page");
        if (page.refusal() != null) {
            return page.refusal();
        }
        Optional<FakeDeployment> deployment = state.read(route.id());
        if (deployment.isEmpty()) {
            return DatadogAnswers.notFound();
        }
        return route.v2()
                ? DatadogAnswers.deployment(deployment.get())
                : DatadogAnswers.unstableDeployment(deployment.get(), page.size(), page.number());
    }

    /**
     * The page a query asks for, by the names the endpoint gives its size (1 to 100) and number (from 0); or the 400
     * that refuses it.
     */
    private record Page(int size, int number, CannedAnswer refusal) {
        static Page of(HttpUrl url, String sizeName, int defaultSize, String numberName) {
            int size;
            int number;
            try {
                size = intParameter(url, sizeName, defaultSize);
                number = intParameter(url, numberName, 0);
            } catch (NumberFormatException e) {
                return refused("Invalid " + sizeName + " or " + numberName + ": " + e.getMessage());
            }
            if (size < 1 || size > 100 || number < 0) {
                return refused(sizeName + " must be 1 to 100 and " + numberName + " at least 0");
            }
            return new Page(size, number, null);
        }

        private static Page refused(String message) {
            return new Page(0, 0, CannedAnswer.errors(400, message));
        }

        private static int intParameter(HttpUrl url, String name, int defaultValue) {
            String value = url.queryParameter(name);
            return value == null ? defaultValue : Integer.parseInt(value);
        }
    }
}
