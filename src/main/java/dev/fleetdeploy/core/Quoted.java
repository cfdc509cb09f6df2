package dev.fleetdeploy.core;

/**
 * A value the user gave, fit to quote in a one-line message: control characters (a pasted line break, a terminal
 * escape) are shown as {@code \u000a}, and a very long value is shortened.
 */
public final class Quoted {
    static final int MAX_SHOWN = 100;

    private Quoted() {}

    public static String of(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(value.length(), MAX_SHOWN + 10));
        for (int i = 0; i < value.length() && out.length() < MAX_SHOWN; i++) {
            char c = value.charAt(i);
            out.append(Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return out.length() >= MAX_SHOWN && value.length() > MAX_SHOWN
                ? out.substring(0, MAX_SHOWN - 1) + "…"
                : out.toString();
    }
}
