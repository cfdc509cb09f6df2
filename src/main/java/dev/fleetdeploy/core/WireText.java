package dev.fleetdeploy.core;

/**
 * Text that came from the network (a reason phrase, a state, a message, a host name, an error body), made fit for a
 * log line, a message, a report field or a job summary: on one line, with no character that a terminal or an editor
 * would act on, and bounded. Every such text passes through here, on success and failure paths alike, so that no
 * server can write a line of its own into the build log.
 *
 * <p>The places where network text enters the core's types clean it: {@link ActionResult}, {@link DeploymentStatus},
 * {@link OperationFailure} (and {@link ApiException}'s status and API text), {@link DeploymentPart}'s display; the
 * transport cleans reason phrases, header values and error texts as it reads them.
 */
public final class WireText {
    /** The most characters of one network text that any output shows. */
    public static final int MAX_LENGTH = 500;

    /** The most characters of one sentence of the plugin's own that quotes network texts (each already bounded). */
    public static final int MAX_SENTENCE = 2000;

    private WireText() {}

    /** The text with line breaks, controls and bidi overrides shown escaped, at most {@link #MAX_LENGTH} long. */
    public static String clean(String text) {
        return text == null ? null : Quoted.escape(text, MAX_LENGTH);
    }

    /**
     * A sentence of the plugin's own words around network texts (a failure's problem or hint): escaped as
     * {@link #clean} does, at most {@link #MAX_SENTENCE} long, so that it stays one line whatever it quotes.
     */
    public static String sentence(String text) {
        return text == null ? null : Quoted.escape(text, MAX_SENTENCE);
    }

    /**
     * A whole line of output, escaped as {@link #clean} does but never shortened: the last guard of a log, which
     * must show every line of the plugin's own in full but no line break of anyone else's.
     */
    public static String line(String text) {
        return text == null ? null : Quoted.escape(text, Integer.MAX_VALUE);
    }
}
