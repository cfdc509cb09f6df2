package dev.fleetdeploy.core;

/**
 * A value the user gave, fit to quote in a one-line message: control characters (a pasted line break, a terminal
 * escape) and bidi controls are shown as {@code \\u000a}, and a very long value is shortened.
 */
public final class Quoted {
    static final int MAX_SHOWN = 100;

    private Quoted() {}

    public static String of(String value) {
        return value == null ? "" : escape(value, MAX_SHOWN);
    }

    /**
     * The text on one line: every character a terminal or an editor acts on (C0 and C1 controls, DEL, the line and
     * paragraph separators, bidi embeddings, overrides and isolates, lone surrogates) shown as {@code \\uXXXX};
     * shortened with "…" to at most {@code maxLength} characters.
     */
    static String escape(String value, int maxLength) {
        StringBuilder out = new StringBuilder(Math.min(value.length(), maxLength) + 16);
        int cut = -1;
        for (int i = 0; i < value.length() && out.length() <= maxLength; ) {
            String piece;
            if (isActive(value, i)) {
                piece = String.format("\\u%04x", (int) value.charAt(i));
                i++;
            } else {
                int length = Character.charCount(value.codePointAt(i));
                piece = value.substring(i, i + length);
                i += length;
            }
            // Whole pieces only: a cut never splits an escape or a surrogate pair.
            if (cut < 0 && out.length() + piece.length() > maxLength - 1) {
                cut = out.length();
            }
            out.append(piece);
        }
        return out.length() > maxLength ? out.substring(0, cut) + "…" : out.toString();
    }

    private static boolean isActive(String value, int i) {
        char c = value.charAt(i);
        if (Character.isISOControl(c)) {
            return true; // C0, DEL and C1: line breaks, escape sequences, bells
        }
        if (c == '\u2028' || c == '\u2029' || c == '\u200e' || c == '\u200f' || c == '\u061c') {
            return true; // line and paragraph separators, directional marks
        }
        if ((c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069')) {
            return true; // bidi embeddings, overrides and isolates
        }
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1));
        }
        return Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(value.charAt(i - 1)));
    }
}
