package dev.fleetdeploy.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces every known secret value in a text with {@link Secret#MASK}.
 *
 * <p>A second line of defence: secrets are never formatted on purpose, but an API may echo a key back in an error
 * body, and an exception from a library may quote a header. Every line we log, every report and every exception
 * message we raise passes through here.
 */
public final class SecretMasker {
    /**
     * Shorter secrets (a proxy password, a placeholder key) are masked only where they stand alone: masking every
     * "pass" inside "passed" would garble the log without protecting anything.
     */
    static final int WHOLE_TOKEN_BELOW = 8;

    /** Longest first, so a secret that contains another is replaced whole; rebuilt on each registration. */
    private volatile List<Masking> maskings = List.of();

    /** How one secret is found in a text: as a plain substring, or (short ones) as a whole token. */
    private record Masking(String secret, Pattern wholeToken) {
        String apply(String text) {
            return wholeToken == null
                    ? text.replace(secret, Secret.MASK)
                    : wholeToken.matcher(text).replaceAll(Matcher.quoteReplacement(Secret.MASK));
        }
    }

    /** Remembers the secret's value and returns the secret, so it can be used inline. */
    public synchronized Secret register(Secret secret) {
        String value = secret.reveal();
        if (maskings.stream().noneMatch(m -> m.secret().equals(value))) {
            Pattern wholeToken = value.length() >= WHOLE_TOKEN_BELOW
                    ? null
                    : Pattern.compile("(?<![\\p{Alnum}])" + Pattern.quote(value) + "(?![\\p{Alnum}])");
            List<Masking> updated = new ArrayList<>(maskings);
            updated.add(new Masking(value, wholeToken));
            updated.sort(
                    Comparator.comparingInt((Masking m) -> m.secret().length()).reversed());
            maskings = List.copyOf(updated);
        }
        return secret;
    }

    public String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = text;
        for (Masking masking : maskings) {
            masked = masking.apply(masked);
        }
        return masked;
    }
}
