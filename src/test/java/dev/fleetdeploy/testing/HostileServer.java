package dev.fleetdeploy.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A server on 127.0.0.1 that answers as a hostile or broken service would, with whatever status line, headers and
 * body a test makes from the request it received: a reason phrase that forges a log line, an error body that echoes
 * the credential it was sent. It fakes no API's logic (see {@link FakeDatadog}, {@link FakeAdu}, {@link FakeEntra}
 * for those): it is for tests of what the plugin does with words it did not expect.
 *
 * <pre>
 * try (HostileServer server = HostileServer.start(request -> HostileServer.Answer.json(401, "Denied\r", "{}"))) {
 *     ... baseUrl = server.url() ...
 * }
 * </pre>
 */
public final class HostileServer implements AutoCloseable {
    private final List<ReceivedRequest> received = new CopyOnWriteArrayList<>();
    private final MockWebServer server;

    /**
     * One answer.
     *
     * @param code the status
     * @param reason the reason phrase, sent as it is (a CR, an escape sequence, C1 controls all go through)
     * @param headers more headers, in order
     * @param body the body, possibly empty
     */
    public record Answer(int code, String reason, Map<String, String> headers, String body) {
        public Answer {
            headers = new LinkedHashMap<>(headers);
        }

        /** A JSON answer with this status line. */
        public static Answer json(int code, String reason, String body) {
            return new Answer(code, reason, Map.of("Content-Type", "application/json"), body);
        }

        /** A copy with one more header. */
        public Answer withHeader(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(name, value);
            return new Answer(code, reason, more, body);
        }
    }

    private HostileServer(Function<ReceivedRequest, Answer> answering) {
        Dispatcher dispatcher = new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                ReceivedRequest seen = RequestRecorder.record(request);
                received.add(seen);
                Answer answer = answering.apply(seen);
                MockResponse.Builder response =
                        new MockResponse.Builder().status("HTTP/1.1 " + answer.code() + " " + answer.reason());
                answer.headers().forEach(response::addHeaderLenient);
                return response.body(answer.body()).build();
            }
        };
        server = LoopbackServer.start(dispatcher, "hostile");
    }

    /** Starts it on an ephemeral loopback port; every request gets what {@code answering} makes of it. */
    public static HostileServer start(Function<ReceivedRequest, Answer> answering) {
        return new HostileServer(answering);
    }

    /** "http://127.0.0.1:PORT". */
    public String url() {
        return LoopbackServer.url(server.getPort());
    }

    /** {@code url() + "/"}, for an authority host. */
    public String authorityHost() {
        return url() + "/";
    }

    /** Every request received, in order. */
    public List<ReceivedRequest> requests() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        server.close();
    }
}
