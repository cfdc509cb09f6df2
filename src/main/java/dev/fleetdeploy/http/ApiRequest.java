package dev.fleetdeploy.http;

import dev.fleetdeploy.core.Secret;
import java.util.ArrayList;
import java.util.List;
import okhttp3.HttpUrl;

/**
 * One request to a provider's API. Credential headers are marked, so that every description of the request
 * (debug log, dry run) masks them.
 */
public record ApiRequest(String method, HttpUrl url, List<Header> headers) {

    public ApiRequest {
        headers = List.copyOf(headers);
    }

    /** A header; {@code secret} ones never show their value. */
    public record Header(String name, String value, boolean secret) {
        public String display() {
            return name + ": " + (secret ? Secret.MASK : value);
        }

        @Override
        public String toString() {
            return display();
        }
    }

    public static Builder get(HttpUrl url) {
        return new Builder("GET", url);
    }

    public static Builder post(HttpUrl url) {
        return new Builder("POST", url);
    }

    /** Whether sending it twice is harmless, so that it may be repeated after a failure mid-request. */
    public boolean idempotent() {
        return method.equals("GET") || method.equals("HEAD");
    }

    /** "POST https://api.datadoghq.com/api/v2/fleet/deployments/abc/cancel". */
    public String describe() {
        return method + " " + url;
    }

    public static final class Builder {
        private final String method;
        private final HttpUrl url;
        private final List<Header> headers = new ArrayList<>();

        private Builder(String method, HttpUrl url) {
            this.method = method;
            this.url = url;
        }

        public Builder header(String name, String value) {
            headers.add(new Header(name, value, false));
            return this;
        }

        public Builder secretHeader(String name, Secret value) {
            headers.add(new Header(name, value.reveal(), true));
            return this;
        }

        public ApiRequest build() {
            return new ApiRequest(method, url, headers);
        }
    }
}
