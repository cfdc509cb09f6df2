package dev.fleetdeploy.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** What the fakes' own tests send: the JDK's HttpClient, to a fake on loopback, with the headers a test gives. */
final class FakeClient {
    private final HttpClient client = HttpClient.newHttpClient();

    /** A request without a body; {@code headers} are names and values in turn. */
    HttpResponse<String> send(String method, String url, String... headers) throws IOException, InterruptedException {
        return send(url, HttpRequest.newBuilder().method(method, HttpRequest.BodyPublishers.noBody()), headers);
    }

    /** A POST of this form ({@code application/x-www-form-urlencoded}), and maybe more headers. */
    HttpResponse<String> postForm(String url, String form, String... headers) throws IOException, InterruptedException {
        return post(url, "application/x-www-form-urlencoded", form, headers);
    }

    /** A POST of a body of this type. */
    HttpResponse<String> post(String url, String contentType, String body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder()
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", contentType);
        return send(url, request, headers);
    }

    /** An answer's status and body, to compare at once: "404 {\"errors\":[...]}". */
    static String answer(HttpResponse<String> response) {
        return response.statusCode() + " " + response.body();
    }

    private HttpResponse<String> send(String url, HttpRequest.Builder request, String... headers)
            throws IOException, InterruptedException {
        request.uri(URI.create(url)).header("User-Agent", "fake-test/1");
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
