package dev.fleetdeploy.testing;

import java.util.List;

/** A fake that keeps the requests it received, and finds some among them. */
public interface RecordsRequests {

    /** Every request received, in order, including refused ones. */
    List<ReceivedRequest> requests();

    /** The requests with this method to exactly this path (percent-encoded, as sent; query ignored). */
    default List<ReceivedRequest> requests(String method, String path) {
        return RequestRecorder.matching(requests(), method, path);
    }

    /** The only request with this method to this path; fails, listing what was received, when there are 0 or more. */
    default ReceivedRequest onlyRequest(String method, String path) {
        return RequestRecorder.only(requests(), method, path);
    }
}
