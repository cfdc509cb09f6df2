package dev.fleetdeploy.datadog;

import dev.fleetdeploy.core.OperationFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Pages through {@code GET /api/v2/fleet/deployments} (docs/datadog-fleet-api.md, "List deployments"): 100 a page, by
 * page number, newest first ({@code sort=start_date}) when the server sorts, else every page in its own order, up to
 * {@link #MAX_PAGES}. Stops at a short page, or when {@code total_filtered_count} says there is no more, or (newest
 * first, and only while the pages really are in that order) once the deployments are older than what is looked for.
 */
final class DeploymentLister {
    static final int PAGE_SIZE = 100;
    /** Pages read at most: 10,000 deployments. */
    static final int MAX_PAGES = 100;

    /** Fetches one page: {@code sorted} asks for newest first. */
    interface Pages {
        /**
         * @return the page, or null when the server refused {@code sort} with a 400 (the lister then asks unsorted)
         */
        Fetched fetch(int number, boolean sorted, Predicate<ListedDeployment> keep) throws OperationFailure;
    }

    /** One page and the requests it took. */
    record Fetched(ListPage page, int attempts) {}

    /**
     * What the pages showed.
     *
     * @param kept the deployments kept, in the order listed
     * @param complete whether every deployment that could match was seen (else the listing stopped at its bound)
     * @param sorted whether the server listed newest first
     * @param pages how many pages were read
     * @param attempts the requests it took
     */
    record Listing(List<ListedDeployment> kept, boolean complete, boolean sorted, int pages, int attempts) {}

    private DeploymentLister() {}

    /**
     * @param keep which deployments to keep
     * @param notBefore with newest-first pages, stop once a page's deployments all started before this (Unix
     *     seconds); null to read every page
     */
    static Listing list(Pages pages, Predicate<ListedDeployment> keep, Long notBefore) throws OperationFailure {
        List<ListedDeployment> kept = new ArrayList<>();
        // Asked for once, on the first page: every page is then asked the same way.
        boolean askSorted = true;
        // Whether the pages really come newest first, as far as they have been read.
        boolean sorted = true;
        int attempts = 0;
        Long previousOldest = null;
        for (int number = 0; number < MAX_PAGES; number++) {
            Fetched fetched;
            try {
                fetched = pages.fetch(number, askSorted, keep);
                if (fetched == null && askSorted && number == 0) {
                    askSorted = false;
                    sorted = false;
                    fetched = pages.fetch(number, false, keep);
                }
            } catch (OperationFailure failure) {
                throw failure.after(attempts);
            }
            if (fetched == null) {
                throw new IllegalStateException("the list refused an unsorted page");
            }
            attempts += fetched.attempts();
            ListPage page = fetched.page();
            kept.addAll(page.items());
            // Newest first only while it holds within and across pages: else every page is read.
            if (sorted
                    && (!page.newestFirst()
                            || previousOldest != null
                                    && page.firstStart() != null
                                    && page.firstStart() > previousOldest)) {
                sorted = false;
            }
            previousOldest = page.oldestStart();
            boolean lastPage = page.size() < PAGE_SIZE
                    || page.filteredCount() != null && (long) (number + 1) * PAGE_SIZE >= page.filteredCount();
            boolean olderThanWanted =
                    sorted && notBefore != null && page.oldestStart() != null && page.oldestStart() < notBefore;
            if (lastPage || olderThanWanted) {
                return new Listing(List.copyOf(kept), true, sorted, number + 1, attempts);
            }
        }
        return new Listing(List.copyOf(kept), false, sorted, MAX_PAGES, attempts);
    }
}
