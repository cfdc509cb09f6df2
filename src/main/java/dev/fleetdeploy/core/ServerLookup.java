package dev.fleetdeploy.core;

import java.util.Optional;

/** Finds a server of the user's settings by id (in Maven: a {@code <server>} of settings.xml). */
@FunctionalInterface
public interface ServerLookup {
    ServerLookup NONE = id -> Optional.empty();

    Optional<ServerCredentials> find(String serverId);

    /** Where servers are kept, for messages: "settings.xml". */
    default String describe() {
        return "settings.xml";
    }
}
