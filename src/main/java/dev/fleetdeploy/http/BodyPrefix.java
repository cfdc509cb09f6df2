package dev.fleetdeploy.http;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;

/**
 * A body stream that keeps a copy of its first bytes as they pass, so that a streamed answer can still be shown in the
 * debug log and quoted in a message, in as little memory as the copy takes.
 */
final class BodyPrefix extends FilterInputStream {
    private final int limit;
    private final ByteArrayOutputStream kept;
    private boolean more;

    BodyPrefix(InputStream in, int limit) {
        super(in);
        this.limit = limit;
        this.kept = new ByteArrayOutputStream(Math.min(limit, 256));
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            keep(new byte[] {(byte) b}, 0, 1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            keep(buffer, offset, n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // Skipped bytes still belong to the copy: read them through.
        byte[] scratch = new byte[(int) Math.min(n, 8192)];
        int read = read(scratch, 0, scratch.length);
        return Math.max(read, 0);
    }

    private void keep(byte[] buffer, int offset, int length) {
        int room = limit - kept.size();
        if (room > 0) {
            kept.write(buffer, offset, Math.min(room, length));
        }
        if (length > room) {
            more = true;
        }
    }

    /** The bytes kept, as text. */
    String text(Charset charset) {
        return kept.toString(charset);
    }

    /** Whether the body went on past what was kept (as far as it was read). */
    boolean truncated() {
        return more;
    }
}
