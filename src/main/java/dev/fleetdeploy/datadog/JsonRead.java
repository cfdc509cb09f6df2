package dev.fleetdeploy.datadog;

/**
 * What a streaming read made of a body: the value, or why there is none (the body is not the JSON the Datadog API
 * sends).
 *
 * @param value what the body says, or null
 * @param problem why the body could not be read, or null
 */
record JsonRead<T>(T value, String problem) {

    static <T> JsonRead<T> of(T value) {
        return new JsonRead<>(value, null);
    }

    static <T> JsonRead<T> unreadable(String problem) {
        return new JsonRead<>(null, problem);
    }

    boolean readable() {
        return problem == null;
    }
}
