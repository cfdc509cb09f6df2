package dev.fleetdeploy.http;

import java.util.List;

/** The headers the transport adds to every request: what it accepts, and who sends it. */
final class StandardHeaders {
    static final List<ApiRequest.Header> ALL = List.of(
            new ApiRequest.Header("Accept", "application/json", false),
            new ApiRequest.Header("User-Agent", UserAgent.value(), false));

    private StandardHeaders() {}
}
