package dev.fleetdeploy.core;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces every known secret value in a text with {@link Secret#MASK}, in every spelling the plugin sends it in or a
 * server may echo it back in.
 *
 * <p>A second line of defence: secrets are never formatted on purpose, but an API may echo a key back in an error
 * body or a reason phrase, and an exception from a library may quote a header. Every line we log, every report and
 * every exception message we raise passes through here.
 *
 * <p>A secret travels in other spellings than its own: form-encoded in a token request (OkHttp writes a space as
 * {@code +} and {@code ~} as {@code %7E}; other encoders write {@code %20}, leave {@code ~} alone or use lower-case
 * hex), URL-encoded, JSON-escaped in an echoed body ({@code \u007e}, {@code \/}), and, for a proxy's password, as
 * the base64 of {@code user:password} in {@code Proxy-Authorization}. {@link #register} masks all of them at once:
 * each character of the secret may appear as itself or in any of those escapes. A text cut short ("…", see
 * {@link WireText}) right inside a secret has the cut-off start of the secret masked too.
 */
public final class SecretMasker {
    /**
     * Shorter secrets (a proxy password, a placeholder key) are masked only where they stand alone: masking every
     * "pass" inside "passed" would garble the log without protecting anything.
     */
    static final int WHOLE_TOKEN_BELOW = 8;

    /** The shortest start of a secret, before a cut ("…"), that is masked. */
    static final int SHORTEST_CUT_SHOWN = 4;

    private static final String CUT = "…";

    /**
     * Secrets up to this long are found by a pattern that takes every spelling of every character; longer ones (a
     * federated token of kilobytes) by the whole spellings the plugin and the usual encoders write, as plain text.
     */
    static final int LONGEST_PATTERNED = 512;

    /** How far before a cut a secret's start is looked for: no cleaned text is longer (see {@link WireText}). */
    private static final int CUT_LOOKBACK = WireText.MAX_SENTENCE;

    /** Longest first, so a secret that contains another is replaced whole; rebuilt on each registration. */
    private volatile List<Masking> maskings = List.of();

    /** How one secret is found in a text, in any of its spellings: by a pattern, or (long ones) by whole spellings. */
    private record Masking(String secret, Pattern pattern, List<String> spellings) {
        String apply(String text) {
            if (pattern != null) {
                return pattern.matcher(text).replaceAll(Matcher.quoteReplacement(Secret.MASK));
            }
            String masked = text;
            for (String spelling : spellings) {
                masked = masked.replace(spelling, Secret.MASK);
            }
            return masked;
        }

        /** Where a cut-off start of the secret begins, when the text runs into the cut at {@code cut}; else -1. */
        int cutStart(String text, int cut) {
            int from = Math.max(0, cut - CUT_LOOKBACK);
            if (pattern == null) {
                for (int start = from; start <= cut - SHORTEST_CUT_SHOWN; start++) {
                    for (String spelling : spellings) {
                        if (cut - start < spelling.length() && text.regionMatches(start, spelling, 0, cut - start)) {
                            return start;
                        }
                    }
                }
                return -1;
            }
            Matcher matcher = pattern.matcher(text).useTransparentBounds(true);
            // Any spelling starts with the secret's first character, an escape, or a "+" for a space.
            String starts = secret.charAt(0) + "%\\+";
            for (int start = from; start <= cut - SHORTEST_CUT_SHOWN; start++) {
                if (starts.indexOf(text.charAt(start)) < 0) {
                    continue;
                }
                matcher.region(start, cut);
                if (!matcher.lookingAt() && matcher.hitEnd()) {
                    return start;
                }
            }
            return -1;
        }
    }

    /** Remembers the secret's value (in all its spellings) and returns the secret, so it can be used inline. */
    public Secret register(Secret secret) {
        registerValue(secret.reveal());
        return secret;
    }

    /**
     * Remembers a proxy's credentials as they go into {@code Proxy-Authorization: Basic base64(user:password)}: the
     * password itself, and the base64 of {@code user:password} in ISO-8859-1 (what OkHttp sends) and UTF-8.
     */
    public void registerBasicCredentials(String username, Secret password) {
        register(password);
        String pair = (username == null ? "" : username) + ":" + password.reveal();
        for (Charset charset : List.of(StandardCharsets.ISO_8859_1, StandardCharsets.UTF_8)) {
            registerValue(Base64.getEncoder().encodeToString(pair.getBytes(charset)));
        }
    }

    private synchronized void registerValue(String value) {
        if (maskings.stream().noneMatch(m -> m.secret().equals(value))) {
            Masking masking;
            if (value.length() > LONGEST_PATTERNED) {
                masking = new Masking(value, null, wholeSpellings(value));
            } else {
                String spellings = spellings(value);
                masking = new Masking(
                        value,
                        Pattern.compile(
                                value.length() >= WHOLE_TOKEN_BELOW
                                        ? spellings
                                        : "(?<![\\p{Alnum}])" + spellings + "(?![\\p{Alnum}])"),
                        null);
            }
            List<Masking> updated = new ArrayList<>(maskings);
            updated.add(masking);
            updated.sort(
                    Comparator.comparingInt((Masking m) -> m.secret().length()).reversed());
            maskings = List.copyOf(updated);
        }
    }

    public String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = text;
        for (Masking masking : maskings) {
            masked = masking.apply(masked);
        }
        return masked.contains(CUT) ? maskCutSecrets(masked) : masked;
    }

    /** A secret cut short by a bound ("client_secret=Q8~x…") shows its start: mask that too. */
    private String maskCutSecrets(String text) {
        StringBuilder out = new StringBuilder(text);
        for (int cut = out.indexOf(CUT); cut >= 0; cut = out.indexOf(CUT, cut + 1)) {
            String current = out.toString();
            int start = -1;
            for (Masking masking : maskings) {
                int found = masking.cutStart(current, cut);
                if (found >= 0 && (start < 0 || found < start)) {
                    start = found;
                }
            }
            if (start >= 0) {
                out.replace(start, cut, Secret.MASK);
                cut = start + Secret.MASK.length();
            }
        }
        return out.toString();
    }

    /**
     * A regular expression for the value in any spelling: each character as itself, percent-encoded (any case, once or
     * twice), JSON-escaped ({@code \\uXXXX}, {@code \\"}, {@code \\/}), and a space also as {@code +}.
     */
    static String spellings(String value) {
        StringBuilder pattern = new StringBuilder();
        value.codePoints().forEach(codePoint -> {
            String character = new String(Character.toChars(codePoint));
            List<String> ways = new ArrayList<>();
            ways.add(Pattern.quote(character));
            if (codePoint == ' ') {
                ways.add("\\+");
            }
            if (codePoint == '"' || codePoint == '\\' || codePoint == '/') {
                ways.add("\\\\" + Pattern.quote(character));
            }
            StringBuilder percent = new StringBuilder();
            for (byte b : character.getBytes(StandardCharsets.UTF_8)) {
                percent.append("%(?:25)?").append(hexDigit((b >> 4) & 0xf)).append(hexDigit(b & 0xf));
            }
            ways.add(percent.toString());
            StringBuilder json = new StringBuilder();
            for (char unit : character.toCharArray()) {
                json.append("\\\\u");
                for (int shift = 12; shift >= 0; shift -= 4) {
                    json.append(hexDigit((unit >> shift) & 0xf));
                }
            }
            ways.add(json.toString());
            pattern.append("(?:").append(String.join("|", ways)).append(')');
        });
        return pattern.toString();
    }

    /**
     * The whole spellings of a long value: as it is, form-encoded as OkHttp writes it ({@code +} for a space, upper-case
     * hex) and as RFC 3986 encoders do ({@code %20}, {@code ~} left alone), each in both cases of hex, and JSON-escaped.
     */
    static List<String> wholeSpellings(String value) {
        java.util.Set<String> spellings = new java.util.LinkedHashSet<>();
        spellings.add(value);
        String form = percentEncoded(value, "*-._", true);
        String rfc3986 = percentEncoded(value, "-._~", false);
        for (String encoded : List.of(form, rfc3986)) {
            spellings.add(encoded);
            spellings.add(lowerCaseHex(encoded));
        }
        spellings.add(jsonEscaped(value));
        return List.copyOf(spellings);
    }

    private static String percentEncoded(String value, String unreserved, boolean plusForSpace) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || unreserved.indexOf(c) >= 0) {
                out.append(c);
            } else if (c == ' ' && plusForSpace) {
                out.append('+');
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    private static String lowerCaseHex(String encoded) {
        return Pattern.compile("%[0-9A-F]{2}")
                .matcher(encoded)
                .replaceAll(match -> match.group().toLowerCase(java.util.Locale.ROOT));
    }

    private static String jsonEscaped(String value) {
        StringBuilder out = new StringBuilder();
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** A hexadecimal digit, in either case. */
    private static String hexDigit(int value) {
        String lower = Integer.toHexString(value);
        String upper = lower.toUpperCase(java.util.Locale.ROOT);
        return lower.equals(upper) ? lower : "[" + lower + upper + "]";
    }
}
