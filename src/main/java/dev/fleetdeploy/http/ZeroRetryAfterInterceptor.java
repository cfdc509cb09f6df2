package dev.fleetdeploy.http;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Turns {@code Retry-After: 0} on 503 answers into {@code Retry-After: 1} before OkHttp sees it.
 *
 * <p>OkHttp repeats a request answered 503 with a zero Retry-After once by itself, outside our retry count and our
 * tracking of attempts that may have taken effect; Azure sends {@code retry-after: 0} on every answer. One second is
 * what {@link RetryPolicy} raises a zero hint to anyway, so the wait stays the same.
 */
final class ZeroRetryAfterInterceptor implements Interceptor {

    @Override
    public Response intercept(Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        String retryAfter = response.header("Retry-After");
        if (response.code() == 503 && retryAfter != null && retryAfter.strip().equals("0")) {
            return response.newBuilder().header("Retry-After", "1").build();
        }
        return response;
    }
}
