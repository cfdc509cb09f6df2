package dev.fleetdeploy.core;

import java.util.Optional;

/**
 * The credentials of one {@code <server>} of the user's settings, already decrypted by the front end.
 *
 * @param id the server's id
 * @param username its {@code <username>}, or null
 * @param password its {@code <password>}, decrypted, or null
 */
public record ServerCredentials(String id, String username, Secret password) {

    public Optional<String> usernameValue() {
        return Optional.ofNullable(username).filter(value -> !value.isBlank());
    }

    public Optional<String> passwordValue() {
        return Optional.ofNullable(password).map(Secret::reveal);
    }

    @Override
    public String toString() {
        return "ServerCredentials[id=" + id + "]";
    }
}
