package dev.fleetdeploy.core;

/** What a goal asks a provider to do with each deployment. */
public enum Operation {
    CANCEL("cancel", "cancel-deployment", "Canceling"),
    RETRY("retry", "retry-deployment", "Retrying"),
    STATUS("status", "deployment-status", "Reading the status of");

    private final String verb;
    private final String goal;
    private final String progressive;

    Operation(String verb, String goal, String progressive) {
        this.verb = verb;
        this.goal = goal;
        this.progressive = progressive;
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
