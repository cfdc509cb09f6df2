package dev.fleetdeploy.core;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Replaces every known secret value in a text with {@link Secret#MASK}.
 *
 * <p>A second line of defence: secrets are never formatted on purpose, but an API may echo a key back in an error
 * body, and an exception from a library may quote a header. Every line we log, every report and every exception
 * message we raise passes through here.
 */
public final class SecretMasker {
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
            masked = masked.replace(secret, Secret.MASK);
        }
        return masked;
    }
}
