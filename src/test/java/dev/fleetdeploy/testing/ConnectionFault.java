package dev.fleetdeploy.testing;

/** What a fake does to the connection, once it has read the request, instead of answering it. */
public enum ConnectionFault {
    /** Never answers: the client's readTimeout must end the exchange. */
    STALL,
    /** Shuts the connection down without a word: the request may or may not have been acted on. */
    DROP,
    /** Closes the socket outright: a reset, as the client sees it. */
    RESET
}
