package dev.fleetdeploy.testing;

import java.util.Optional;

/**
 * The ADU reads that find deployments rather than act on one (docs/azure-device-update-api.md, "Listing deployments
 * and finding the active one"): the v2 list of every deployment, the 2021-06-01-preview and GA group, and GA's lists of
 * a group's subgroups and of its deployments.
 *
 * @param kind which read
 * @param instance the instance segment, as is
 * @param groupId the group, decoded; null for the v2 list
 */
record AduListRoute(Kind kind, String instance, String groupId) {

    enum Kind {
        /** {@code GET /deviceupdate/{instance}/v2/management/deployments}. */
        V2_LIST(AduRoute.Api.V2),
        /** {@code GET /deviceupdate/{instance}/management/groups/{group}?api-version=2021-06-01-preview}. */
        PREVIEW_GROUP(AduRoute.Api.PREVIEW),
        /** {@code GET /deviceUpdate/{instance}/management/groups/{group}?api-version=...}. */
        GA_GROUP(AduRoute.Api.GA),
        /** {@code GET /deviceUpdate/{instance}/management/groups/{group}/deviceClassSubgroups?api-version=...}. */
        GA_SUBGROUPS(AduRoute.Api.GA),
        /** {@code GET /deviceUpdate/{instance}/management/groups/{group}/deployments?api-version=...[&orderby=...]}. */
        GA_DEPLOYMENTS(AduRoute.Api.GA);

        final AduRoute.Api api;

        Kind(AduRoute.Api api) {
            this.api = api;
        }
    }

    static Optional<AduListRoute> of(String rawPath) {
        if (!rawPath.startsWith("/")) {
            return Optional.empty();
        }
        String[] s = rawPath.substring(1).split("/", -1);
        try {
            if (s.length == 5
                    && s[0].equals("deviceupdate")
                    && s[2].equals("v2")
                    && s[3].equals("management")
                    && s[4].equals("deployments")) {
                return Optional.of(new AduListRoute(Kind.V2_LIST, s[1], null));
            }
            if (s.length < 5 || !s[2].equals("management") || !s[3].equals("groups")) {
                return Optional.empty();
            }
            String group = AduRoute.decode(s[4]);
            if (s.length == 5 && s[0].equals("deviceupdate")) {
                return Optional.of(new AduListRoute(Kind.PREVIEW_GROUP, s[1], group));
            }
            if (!s[0].equals("deviceUpdate")) {
                return Optional.empty();
            }
            if (s.length == 5) {
                return Optional.of(new AduListRoute(Kind.GA_GROUP, s[1], group));
            }
            if (s.length == 6 && s[5].equals("deviceClassSubgroups")) {
                return Optional.of(new AduListRoute(Kind.GA_SUBGROUPS, s[1], group));
            }
            if (s.length == 6 && s[5].equals("deployments")) {
                return Optional.of(new AduListRoute(Kind.GA_DEPLOYMENTS, s[1], group));
            }
        } catch (IllegalArgumentException badSegment) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
