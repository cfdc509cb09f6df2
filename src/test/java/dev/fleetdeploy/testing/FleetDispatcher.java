package dev.fleetdeploy.testing;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/**
 * Answers as Datadog's Fleet deployments API does: records the request, checks the keys, then answers from a forced
 * answer if the test set one for the id, else from the fleet's state.
 */
final class FleetDispatcher extends Dispatcher {
    /** Accepted API key to its application key: one organization's key pairs. */
    private final Map<String, String> keyPairs = new ConcurrentHashMap<>();

    private final FleetState state;
    private final List<ReceivedRequest> received = new CopyOnWriteArrayList<>();
    private final ForcedAnswers forced = new ForcedAnswers();

    FleetDispatcher(String apiKey, String applicationKey, FleetState state) {
        keyPairs.put(apiKey, applicationKey);
        this.state = state;
    }

    void accept(String apiKey, String applicationKey) {
        keyPairs.put(apiKey, applicationKey);
    }

    List<ReceivedRequest> received() {
        return List.copyOf(received);
    }

    ForcedAnswers forced() {
        return forced;
    }

    /** How long every answer takes to prepare (a slow API), and the most requests seen in progress at once. */
    private volatile Duration thinkTime = Duration.ZERO;

    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();

    void thinkTime(Duration duration) {
        thinkTime = duration;
    }

    int maxInFlight() {
        return maxInFlight.get();
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try {
            if (!thinkTime.isZero()) {
                Thread.sleep(thinkTime.toMillis());
            }
            return answer(request);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return errors(503, "interrupted");
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private MockResponse answer(RecordedRequest request) {
        received.add(RequestRecorder.record(request));
        String apiKey = request.getHeaders().get("DD-API-KEY");
        if (apiKey == null
                || !keyPairs.getOrDefault(apiKey, "")
                        .equals(request.getHeaders().get("DD-APPLICATION-KEY"))) {
            return errors(401, "Unauthorized");
        }
        Optional<Route> route = Route.of(request.getUrl(), request.getMethod());
        if (route.isEmpty()) {
            return errors(404, "Not Found");
        }
        Route to = route.get();
        if (!request.getMethod().equals(to.method())) {
            return errors(405, "Method Not Allowed");
        }
        Optional<CannedAnswer> answer = forced.next(to.id());
        if (answer.isPresent()) {
            return toResponse(answer.get());
        }
        return switch (to.kind()) {
            case CANCEL -> cancel(to);
            case READ -> read(to, request.getUrl());
            case LIST -> list(request.getUrl());
            case CONFIGURE, UPGRADE ->
                create(to, request.getBody() == null ? "" : request.getBody().utf8());
        };
    }

    /** Who the keys belong to: the author of what they create. */
    private volatile String keyOwner = "it@example.com";

    /** The fake's clock, for the start time of what it creates. */
    private volatile Clock clock = Clock.systemUTC();

    /** Whether {@code sort} is refused with a 400, as for a field the server does not support. */
    private volatile boolean sortUnsupported;

    /** Answers for the next real creates: the deployment is made, and this is what the client gets instead of 201. */
    private final java.util.Deque<CannedAnswer> afterCreating = new java.util.concurrent.ConcurrentLinkedDeque<>();

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

    private MockResponse create(Route route, String body) {
        FleetCreation.Outcome outcome = FleetCreation.apply(
                route.kind() == Route.Kind.UPGRADE,
                body,
                state,
                keyOwner,
                state.nextCreatedId(),
                clock.instant().getEpochSecond());
        if (outcome instanceof FleetCreation.Outcome.Refused refused) {
            return errors(refused.code(), refused.message());
        }
        if (outcome instanceof FleetCreation.Outcome.DryRun dryRun) {
            return json(200, DatadogBodies.dryRun(dryRun.query(), dryRun.totalHosts()));
        }
        FakeDeployment made = ((FleetCreation.Outcome.Created) outcome).deployment();
        state.created(made);
        CannedAnswer instead = afterCreating.poll();
        return instead != null ? toResponse(instead) : json(201, DatadogBodies.created(made));
    }

    /** The list: paged by number, optionally sorted by start date, filtered by status only. */
    private MockResponse list(HttpUrl url) {
        int size;
        int number;
        try {
            size = intParameter(url, "page_size", 10);
            number = intParameter(url, "page_number", 0);
        } catch (NumberFormatException e) {
            return errors(400, "Invalid page_size or page_number: " + e.getMessage());
        }
        if (size < 1 || size > 100 || number < 0) {
            return errors(400, "page_size must be 1 to 100 and page_number at least 0");
        }
        List<FakeDeployment> all = new java.util.ArrayList<>(state.all());
        String sort = url.queryParameter("sort");
        if (sort != null) {
            if (sortUnsupported || !sort.equals("start_date")) {
                return errors(400, "Sorting on an unsupported field: " + sort);
            }
            java.util.Comparator<FakeDeployment> byStart =
                    java.util.Comparator.comparingLong(d -> d.info().startedAt());
            all.sort("true".equals(url.queryParameter("ascending")) ? byStart : byStart.reversed());
        }
        int total = all.size();
        String filter = url.queryParameter("filter");
        if (filter != null) {
            if (!filter.startsWith("status:")) {
                return errors(400, "Filtering on an unsupported field: " + filter);
            }
            String status = filter.substring("status:".length());
            all.removeIf(d -> !d.status().equals(status));
        }
        int from = (int) Math.min(all.size(), (long) number * size);
        int to = Math.min(all.size(), from + size);
        return json(200, DatadogBodies.list(all.subList(from, to), total, all.size()));
    }

    private MockResponse cancel(Route route) {
        Optional<FleetState.CancelOutcome> outcome = state.cancel(route.id());
        if (outcome.isEmpty()) {
            return notFound();
        }
        FakeDeployment deployment = outcome.get().deployment();
        if (!outcome.get().accepted()) {
            return errors(
                    400,
                    "Deployment " + deployment.id() + " cannot be canceled: its status is " + deployment.status()
                            + "; only pending or running deployments can be canceled.");
        }
        return route.v2()
                ? json(200, DatadogBodies.v2Cancel(deployment))
                : new MockResponse.Builder().status(StatusLine.of(204)).build();
    }

    private MockResponse read(Route route, HttpUrl url) {
        int limit;
        int page;
        try {
            limit = intParameter(url, "limit", 50);
            page = intParameter(url, "page", 0);
        } catch (NumberFormatException e) {
            return errors(400, "Invalid limit or page: " + e.getMessage());
        }
        if (limit < 1 || limit > 100 || page < 0) {
            return errors(400, "limit must be 1 to 100 and page at least 0");
        }
        Optional<FakeDeployment> deployment = state.read(route.id());
        if (deployment.isEmpty()) {
            return notFound();
        }
        return json(
                200,
                route.v2()
                        ? DatadogBodies.v2Get(deployment.get())
                        : DatadogBodies.unstableGet(deployment.get(), limit, page));
    }

    private static int intParameter(HttpUrl url, String name, int defaultValue) {
        String value = url.queryParameter(name);
        return value == null ? defaultValue : Integer.parseInt(value);
    }

    private static MockResponse notFound() {
        return errors(404, "Deployment not found");
    }

    /** Datadog's documented error body: {@code {"errors":["..."]}}. */
    private static MockResponse errors(int code, String message) {
        return json(code, Json.write(Map.of("errors", List.of(message))));
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder()
                .status(StatusLine.of(code))
                .addHeader("Content-Type", "application/json")
                .body(body)
                .build();
    }

    private static MockResponse toResponse(CannedAnswer answer) {
        MockResponse.Builder builder = new MockResponse.Builder().status(StatusLine.of(answer.code()));
        answer.headers().forEach(builder::addHeader);
        if (!answer.delay().isZero()) {
            builder.headersDelay(answer.delay().toMillis(), TimeUnit.MILLISECONDS);
        }
        return builder.body(answer.body()).build();
    }
}
