package dev.fleetdeploy.core;

import java.util.Optional;

/**
 * The stored server a target names for its credentials ({@code serverId}), if any, and how to name its username and
 * password in messages: "the &lt;username&gt; of server 'dd-prod' in settings.xml".
 */
public final class NamedServer {
    private final Optional<ServerCredentials> credentials;
    private final String place;

    private NamedServer(Optional<ServerCredentials> credentials, String place) {
        this.credentials = credentials;
        this.place = place;
    }

    /**
     * Finds the server {@code serverId} names.
     *
     * @param holds what its username and password hold, for the message when there is no such server ("&lt;username&gt;
     *     the API key, &lt;password&gt; the application key")
     * @throws ConfigurationException when {@code serverId} names a server that does not exist
     */
    public static NamedServer find(Setting<String> serverId, ServerLookup servers, String holds) {
        Optional<String> id = serverId.optional();
        Optional<ServerCredentials> credentials = id.map(value -> servers.find(value)
                .orElseThrow(() -> new ConfigurationException(serverId.name() + " is '" + Quoted.of(value) + "', but "
                        + servers.describe() + " has no <server> with that id: add one (" + holds
                        + ") or correct the id.")));
        String place = id.map(value -> "the <%s> of server '" + value + "' in " + servers.describe())
                .orElse("the <%s> of a " + servers.describe() + " server named by " + serverId.name());
        return new NamedServer(credentials, place);
    }

    public Optional<String> username() {
        return credentials.flatMap(ServerCredentials::usernameValue);
    }

    public Optional<String> password() {
        return credentials.flatMap(ServerCredentials::passwordValue);
    }

    /** "the &lt;username&gt; of server 'dd-prod' in settings.xml". */
    public String usernamePlace() {
        return String.format(place, "username");
    }

    public String passwordPlace() {
        return String.format(place, "password");
    }

    @Override
    public String toString() {
        return "NamedServer[" + usernamePlace() + "]";
    }
}
