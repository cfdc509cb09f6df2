package dev.fleetdeploy.http;

import java.io.IOException;
import java.time.Duration;

/**
 * One exchange ended without an answer. Says what the failure text needs: the cause, whether the request may have
 * reached the server, and how long the exchange was given.
 */
final class NoAnswer extends Exception {
    private static final long serialVersionUID = 1L;

    private final boolean sent;
    private final Duration limit;
    private final boolean cutByDeadline;

    /**
     * @param sent whether the request's headers had started leaving
     * @param limit how long the whole exchange was given
     * @param cutByDeadline whether that limit was what the execution's deadline left, not the usual bound
     */
    NoAnswer(IOException cause, boolean sent, Duration limit, boolean cutByDeadline) {
        super(cause);
        this.sent = sent;
        this.limit = limit;
        this.cutByDeadline = cutByDeadline;
    }

    @Override
    public synchronized IOException getCause() {
        return (IOException) super.getCause();
    }

    boolean sent() {
        return sent;
    }

    Duration limit() {
        return limit;
    }

    boolean cutByDeadline() {
        return cutByDeadline;
    }

    /** A certificate or host name the JVM does not trust: no retry can change that. */
    boolean isCertificateFailure() {
        return getCause() instanceof javax.net.ssl.SSLHandshakeException
                || getCause() instanceof javax.net.ssl.SSLPeerUnverifiedException;
    }
}
