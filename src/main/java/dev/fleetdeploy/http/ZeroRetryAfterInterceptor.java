package dev.fleetdeploy.http;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Removes {@code Retry-After: 0} from 503 answers before OkHttp sees it.
 *
 * <p>OkHttp repeats such a request once by itself, outside our retry count and our rule never to repeat a POST
 * that may have arrived; Azure sends {@code retry-after: 0} on every answer. A zero wait is no hint to
 * {@link RetryPolicy} either, so nothing is lost.
 */
final class ZeroRetryAfterInterceptor implements Interceptor {

    @Override
    public Response intercept(Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        String retryAfter = response.header("Retry-After");
        if (response.code() == 503 && retryAfter != null && retryAfter.strip().equals("0")) {
            return response.newBuilder().removeHeader("Retry-After").build();
        }
        return response;
    }
}
