package dev.fleetdeploy.core;

import java.util.List;

/** The requests on their way at this moment, from any thread (the transport keeps them). */
@FunctionalInterface
public interface RequestsInFlight {
    RequestsInFlight NONE = List::of;

    List<InFlightRequest> now();
}
