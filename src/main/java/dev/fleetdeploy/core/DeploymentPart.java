package dev.fleetdeploy.core;

/**
 * What one cancel, retry or status request acts on: a whole deployment, or one of its subgroups. Azure Device
 * Update's GA API cancels and retries a deployment one device-class subgroup at a time, and each subgroup gets its
 * own outcome, log line and report entry.
 *
 * @param id the deployment
 * @param subgroup the subgroup's id, or null for the whole deployment
 */
public record DeploymentPart(DeploymentId id, String subgroup) {

    public DeploymentPart {
        if (id == null) {
            throw new IllegalArgumentException("a deployment part needs its deployment id");
        }
        if (subgroup != null && subgroup.isBlank()) {
            throw new IllegalArgumentException("a subgroup id cannot be blank");
        }
    }

    public static DeploymentPart whole(DeploymentId id) {
        return new DeploymentPart(id, null);
    }

    public static DeploymentPart subgroup(DeploymentId id, String subgroup) {
        return new DeploymentPart(id, subgroup);
    }

    public boolean isWhole() {
        return subgroup == null;
    }

    /** "deployment 'abc'", or "deployment 'abc', subgroup 'dc1'". */
    public String describe() {
        return "deployment '" + id + "'" + (subgroup == null ? "" : ", subgroup '" + shownSubgroup() + "'");
    }

    /** The subgroup's id as output shows it: the API named it, so it is cleaned ({@link WireText}); null for none. */
    public String shownSubgroup() {
        return WireText.clean(subgroup);
    }

    /** "abc", or "abc (subgroup dc1)", for lists. */
    @Override
    public String toString() {
        return subgroup == null ? id.value() : id.value() + " (subgroup " + shownSubgroup() + ")";
    }
}
