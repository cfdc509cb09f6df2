package dev.fleetdeploy.core;

/**
 * Text that came from the network (a reason phrase, a state, a message, a host name, an error body), made fit for a
 * log line, a message, a report field or a job summary: on one line, with no character that a terminal or an editor
 * would act on, and bounded. Every such text passes through here, on success and failure paths alike, so that no
 * server can write a line of its own into the build log.
 */
public final class WireText {
    /** The most characters of one network text that any output shows. */
    public static final int MAX_LENGTH = 500;

    private WireText() {}

    /** The text with line breaks, controls and bidi overrides shown escaped, at most {@link #MAX_LENGTH} long. */
    public static String clean(String text) {
        return text == null ? null : Quoted.escape(text, MAX_LENGTH);
    }
}
