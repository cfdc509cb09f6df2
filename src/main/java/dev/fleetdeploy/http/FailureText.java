package dev.fleetdeploy.http;

import dev.fleetdeploy.core.UnreachableException;
import dev.fleetdeploy.core.UserTerms;
import dev.fleetdeploy.core.WireText;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import javax.net.ssl.SSLException;

/**
 * What the transport tells the user when a request got no answer, or was not sent (again) for lack of time: what
 * happened, in the user's words for the settings involved, and what to check next.
 *
 * @param deadline the execution's deadline as the user knows it: "executionTimeout (300 s)"
 */
record FailureText(HttpSettings settings, UserTerms terms, String deadline) {

    /** "could not connect to host:443 (Connection refused)". */
    String describe(ApiRequest request, NoAnswer noAnswer) {
        IOException failure = noAnswer.getCause();
        String host = request.url().host() + ":" + request.url().port();
        if (failure instanceof UnknownHostException) {
            return "could not resolve the host " + request.url().host();
        }
        if (failure instanceof ConnectException) {
            return "could not connect to " + host + " (" + WireText.clean(failure.getMessage()) + ")";
        }
        if (failure instanceof SocketTimeoutException) {
            return noAnswer.sent()
                    ? "no answer from " + host + " within " + Seconds.of(settings.readTimeout()) + " ("
                            + terms.readTimeout() + ")"
                    : "no connection to " + host + " within " + Seconds.of(settings.connectTimeout()) + " ("
                            + terms.connectTimeout() + ")";
        }
        if (failure instanceof SSLException) {
            // The JVM's words may quote the server's certificate.
            return "the TLS handshake with " + host + " failed (" + WireText.clean(failure.getMessage()) + ")";
        }
        if (failure instanceof InterruptedIOException) {
            return "the exchange with " + host + " did not complete within " + Seconds.of(noAnswer.limit()) + " ("
                    + (noAnswer.cutByDeadline()
                            ? "what " + deadline + " left"
                            : terms.connectTimeout() + " + " + terms.readTimeout() + " + 5 s")
                    + ")";
        }
        // OkHttp quotes what the server sent ("Unexpected status line: ...").
        return "the connection to " + host + " failed (" + WireText.clean(failure.toString()) + ")";
    }

    /**
     * @param attempts how many times it was sent
     * @param mayHaveApplied whether an attempt of a request that changes something may have taken effect
     * @param why why it was not repeated, when that is not the end of the retries; else empty
     */
    UnreachableException unreachable(
            ApiRequest request, NoAnswer noAnswer, int attempts, boolean mayHaveApplied, String why) {
        IOException failure = noAnswer.getCause();
        String what = describe(request, noAnswer) + (attempts > 1 ? " (" + attempts + " attempts)" : "") + why;
        String hint;
        if (mayHaveApplied) {
            hint = "The request may still have been applied: check the deployment with " + terms.statusCheck()
                    + " before trying again, and raise " + terms.readTimeout() + " if the API is slow.";
        } else if (failure instanceof UnknownHostException) {
            hint = "Check " + terms.apiLocation() + ", and that this machine can resolve the host.";
        } else if (failure instanceof SSLException) {
            hint = "Check that the host presents a certificate this JVM trusts; a TLS-inspecting proxy needs its CA in"
                    + " the JVM's trust store.";
        } else {
            hint = "Check the network, " + terms.proxySettings() + ", and " + terms.apiLocation() + ".";
        }
        return new UnreachableException(what, hint, failure, attempts, mayHaveApplied);
    }

    /**
     * @param attempt the attempt that was not sent
     * @param how how the deadline stood in the way ("ran out")
     */
    UnreachableException outOfTime(int attempt, boolean mayHaveApplied, String how) {
        String what = (attempt == 1
                        ? "not sent: "
                        : "not sent again after " + (attempt - 1) + " attempt" + (attempt == 2 ? "" : "s") + ": ")
                + deadline + " " + how;
        String hint = mayHaveApplied
                ? "An earlier attempt may still have been applied: check the deployment with " + terms.statusCheck()
                        + "."
                : "Raise " + terms.executionTimeout() + ", or lower the retries and waits that used it up.";
        return new UnreachableException(what, hint, null, attempt - 1, mayHaveApplied);
    }

    /** Why an answer worth a retry is returned as it is: " Not retried: waiting 8 s would pass ...". */
    String notRetried(Duration delay) {
        return "Not retried: waiting " + Seconds.of(delay) + " would pass " + deadline + ".";
    }

    /** Why a failure worth a retry ends the request: " (no retry: waiting 8 s would pass ...)". */
    String noRetry(Duration delay) {
        return " (no retry: waiting " + Seconds.of(delay) + " would pass " + deadline + ")";
    }

    /**
     * What an answer adds to the hint of the failure it becomes, starting with a space; empty when nothing.
     *
     * @param retryNote why a retryable answer was not retried, or null
     * @param earlierMayHaveApplied whether an earlier attempt of a request that changes something got no clear answer
     */
    String hintAddition(String retryNote, boolean earlierMayHaveApplied) {
        String addition = retryNote == null ? "" : " " + retryNote;
        if (earlierMayHaveApplied) {
            addition += " An earlier attempt got no clear answer and may still have been applied: check the deployment"
                    + " with " + terms.statusCheck() + ".";
        }
        return addition;
    }

    /** "retrying in 2 s (retry 1 of 3)." */
    static String retrying(Duration delay, int attempt, RetryPolicy policy) {
        return "retrying in " + Seconds.of(delay) + " (retry " + attempt + " of " + policy.maxRetries() + ").";
    }
}
