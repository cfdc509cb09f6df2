package dev.fleetdeploy.core;

/** What a goal asks a provider to do with each deployment. */
public enum Operation {
    CANCEL("cancel", "cancel-deployment", "Canceling", "canceled"),
    RETRY("retry", "retry-deployment", "Retrying", "retried"),
    STATUS("status", "deployment-status", "Reading the status of", "read");

    private final String verb;
    private final String goal;
    private final String progressive;
    private final String done;

    Operation(String verb, String goal, String progressive, String done) {
        this.verb = verb;
        this.goal = goal;
        this.progressive = progressive;
        this.done = done;
    }

    /** "canceled", as in "nothing was canceled". */
    public String done() {
        return done;
    }

    /** "cancel", as in "Datadog cancel of deployment 'x' failed". */
    public String verb() {
        return verb;
    }

    /** The goal that performs it: "cancel-deployment". */
    public String goal() {
        return goal;
    }

    /** "Canceling", as in "Canceling 2 Datadog deployments". */
    public String progressive() {
        return progressive;
    }
}
