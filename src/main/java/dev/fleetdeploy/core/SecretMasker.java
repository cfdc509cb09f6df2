package dev.fleetdeploy.core;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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

    private final Set<String> secrets = ConcurrentHashMap.newKeySet();

    /** Remembers the secret's value and returns the secret, so it can be used inline. */
    public Secret register(Secret secret) {
        secrets.add(secret.reveal());
        return secret;
    }

    public String mask(String text) {
        if (text == null || text.isEmpty() || secrets.isEmpty()) {
            return text;
        }
        String masked = text;
        // Longest first, so a secret that contains another is replaced whole.
        List<String> ordered = secrets.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
        for (String secret : ordered) {
            if (secret.length() >= WHOLE_TOKEN_BELOW) {
                masked = masked.replace(secret, Secret.MASK);
            } else {
                masked = Pattern.compile("(?<![\\p{Alnum}])" + Pattern.quote(secret) + "(?![\\p{Alnum}])")
                        .matcher(masked).replaceAll(Matcher.quoteReplacement(Secret.MASK));
            }
        }
        return masked;
    }
}
