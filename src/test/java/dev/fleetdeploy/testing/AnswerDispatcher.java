package dev.fleetdeploy.testing;

import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/** Serves a fake's answers on a MockWebServer: each request as a {@link ReceivedRequest}, each answer as it stands. */
final class AnswerDispatcher extends Dispatcher {
    private final Function<ReceivedRequest, CannedAnswer> answers;

    AnswerDispatcher(Function<ReceivedRequest, CannedAnswer> answers) {
        this.answers = answers;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        return CannedResponses.response(answers.apply(RequestRecorder.record(request)));
    }
}
