package dev.fleetdeploy.http;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a successful answer's body as it arrives, while the response is still open, so that a body of any size is
 * read without being held: the transport hands it over instead of cutting it at {@link HttpTransport#MAX_BODY_BYTES}.
 * Error answers are still read (bounded) by the transport, as for {@link HttpTransport#send}.
 *
 * @param <T> what the reader makes of the body
 */
@FunctionalInterface
public interface BodyReader<T> {

    /**
     * @param body the body's bytes; the reader need not read them all, nor close the stream
     * @return what the body says; a body the reader cannot make sense of is its own result (not an exception)
     * @throws IOException only when the stream itself fails (a connection cut mid-body): the transport treats that as
     *     no answer, and may send the request again as its retry policy allows
     */
    T read(InputStream body) throws IOException;
}
