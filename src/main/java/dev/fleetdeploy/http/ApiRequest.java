package dev.fleetdeploy.http;

import dev.fleetdeploy.core.Secret;
import java.util.ArrayList;
import java.util.List;
import okhttp3.HttpUrl;

/**
 * One request to a provider's API (or to its token service). Credential headers and form fields are marked, so that
 * every description of the request (debug log, dry run) masks them.
 *
 * @param form the form-encoded body's fields, in order; empty for an empty body or another one
 * @param jsonBody a JSON body (application/json), shown in a dry run; or null
 * @param rawBody a body another library wrote (MSAL's token requests), sent as it is and never shown; or null
 * @param repeatable whether sending it twice is harmless although it is a POST (a token request, a dry run)
 * @param neverRepeated whether the transport must not send it again once it may have reached the server (a request
 *     that creates something): it is repeated only after a 429 or a connection that was never made
 * @param secretAnswer whether the answer's body holds a credential (a token), so that no log may show it
 */
public record ApiRequest(
        String method,
        HttpUrl url,
        List<Header> headers,
        List<Header> form,
        String jsonBody,
        RawBody rawBody,
        boolean repeatable,
        boolean neverRepeated,
        boolean secretAnswer) {

    public ApiRequest {
        headers = List.copyOf(headers);
        form = List.copyOf(form);
        if ((jsonBody != null ? 1 : 0) + (rawBody != null ? 1 : 0) + (form.isEmpty() ? 0 : 1) > 1) {
            throw new IllegalArgumentException("a request has one body: a form, a JSON body or a raw one");
        }
        if (repeatable && neverRepeated) {
            throw new IllegalArgumentException("a request cannot be both repeatable and never repeated");
        }
    }

    /**
     * A body written elsewhere, with its media type; it may hold credentials (a client secret, an assertion), so no
     * description of the request shows it.
     */
    public record RawBody(String contentType, Secret content) {
        @Override
        public String toString() {
            return "RawBody[" + contentType + "]";
        }
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
        return repeatable || method.equals("GET") || method.equals("HEAD");
    }

    /** The same request to another URL (a redirect on the same origin). */
    public ApiRequest withUrl(HttpUrl other) {
        return new ApiRequest(method, other, headers, form, jsonBody, rawBody, repeatable, neverRepeated, secretAnswer);
    }

    /** The form as "name=value&amp;..." with secret values masked, for a dry run; empty text when there is none. */
    public String displayForm() {
        if (rawBody != null) {
            return Secret.MASK;
        }
        StringBuilder text = new StringBuilder();
        for (Header field : form) {
            if (text.length() > 0) {
                text.append('&');
            }
            text.append(field.name()).append('=').append(field.secret() ? Secret.MASK : field.value());
        }
        return text.toString();
    }

    /** "POST https://api.datadoghq.com/api/v2/fleet/deployments/abc/cancel". */
    public String describe() {
        return method + " " + url;
    }

    public static final class Builder {
        private final String method;
        private final HttpUrl url;
        private final List<Header> headers = new ArrayList<>();
        private final List<Header> form = new ArrayList<>();
        private String jsonBody;
        private RawBody rawBody;
        private boolean repeatable;
        private boolean neverRepeated;
        private boolean secretAnswer;

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

        /** Adds a field to the form-encoded body. */
        public Builder formField(String name, String value) {
            form.add(new Header(name, value, false));
            return this;
        }

        public Builder secretFormField(String name, Secret value) {
            form.add(new Header(name, value.reveal(), true));
            return this;
        }

        /** Sends this JSON text as the body ({@code Content-Type: application/json}). */
        public Builder jsonBody(String json) {
            this.jsonBody = json;
            return this;
        }

        /** A body written elsewhere, sent as it is and never shown. */
        public Builder rawBody(String contentType, Secret content) {
            this.rawBody = new RawBody(contentType, content);
            return this;
        }

        /**
         * Marks a request that creates something: the transport never sends it again once it may have reached the
         * server (a timeout, a reset, a 5xx), and leaves it to the caller to find out what happened.
         */
        public Builder neverRepeated() {
            this.neverRepeated = true;
            return this;
        }

        /** Marks a POST that may be sent again after a failure: it changes nothing on the server. */
        public Builder repeatable() {
            this.repeatable = true;
            return this;
        }

        /** Marks a request whose answer holds a credential: its body is never logged. */
        public Builder secretAnswer() {
            this.secretAnswer = true;
            return this;
        }

        public ApiRequest build() {
            return new ApiRequest(
                    method, url, headers, form, jsonBody, rawBody, repeatable, neverRepeated, secretAnswer);
        }
    }
}
