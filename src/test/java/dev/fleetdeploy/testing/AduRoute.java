package dev.fleetdeploy.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Which ADU operation a request path names, in which API generation. Parsed from the path as sent: GA puts the
 * action after the id ({@code {id}:cancel}), and only a literal ':' separates it, so an id may carry an encoded
 * {@code %3A}.
 *
 * @param api the API generation the path's shape belongs to
 * @param instance the instance segment, as is
 * @param groupId the group, decoded; null in v2, which has none
 * @param deviceClassId the device-class subgroup, decoded; null unless the path names one (GA only)
 * @param deploymentId the deployment, decoded
 * @param op what the request asks for; v2 and preview POSTs are {@code READ} until the {@code action} query says
 * @param actionOnGroup a GA group path whose id ends in {@code :cancel} or {@code :retry}: an action GA does not have
 */
record AduRoute(
        Api api,
        String instance,
        String groupId,
        String deviceClassId,
        String deploymentId,
        Op op,
        boolean actionOnGroup) {

    /** The three generations of the API, told apart by the path's shape. */
    enum Api {
        /** {@code /deviceupdate/{instance}/v2/management/deployments/{id}}, no api-version. */
        V2(List.of()),
        /** {@code /deviceupdate/{instance}/management/groups/{group}/deployments/{id}}. */
        PREVIEW(List.of("2021-06-01-preview")),
        /** {@code /deviceUpdate/{instance}/management/groups/{group}[/deviceClassSubgroups/{class}]/deployments/{id}}. */
        GA(List.of("2022-10-01", "2023-10-01-preview", "2026-06-01", "2022-07-01-preview"));

        final List<String> apiVersions;

        Api(List<String> apiVersions) {
            this.apiVersions = apiVersions;
        }
    }

    /** The operations the fake serves. */
    enum Op {
        READ("GET"),
        STATUS("GET"),
        CANCEL("POST"),
        RETRY("POST");

        final String method;

        Op(String method) {
            this.method = method;
        }
    }

    /** The route a path names, or empty when no operation has that shape (a bad percent-escape included). */
    static Optional<AduRoute> of(String rawPath) {
        if (!rawPath.startsWith("/")) {
            return Optional.empty();
        }
        String[] s = rawPath.substring(1).split("/", -1);
        if (s.length < 6 || s[1].isEmpty()) {
            return Optional.empty();
        }
        try {
            if (s[0].equals("deviceupdate") && s[2].equals("v2")) {
                return v2(s);
            }
            if (s[0].equals("deviceupdate")) {
                return groupPath(Api.PREVIEW, s);
            }
            if (s[0].equals("deviceUpdate")) {
                return s.length >= 9 ? subgroupPath(s) : groupPath(Api.GA, s);
            }
        } catch (IllegalArgumentException badSegment) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** The keys a test's forced answers may use for this request: the subgroup's first, then the deployment's. */
    List<String> forcedAnswerKeys() {
        return deviceClassId == null
                ? List.of(deploymentId)
                : List.of(deploymentId + "/" + deviceClassId, deploymentId);
    }

    AduRoute as(Op action) {
        return new AduRoute(api, instance, groupId, deviceClassId, deploymentId, action, actionOnGroup);
    }

    // /deviceupdate/{instance}/v2/management/deployments/{id}[/status]
    private static Optional<AduRoute> v2(String[] s) {
        if ((s.length != 6 && s.length != 7) || !s[3].equals("management") || !s[4].equals("deployments")) {
            return Optional.empty();
        }
        Optional<Op> op = readOrStatus(s, 6);
        return op.map(o -> new AduRoute(Api.V2, s[1], null, null, decode(s[5]), o, false));
    }

    // /deviceupdate|deviceUpdate/{instance}/management/groups/{group}/deployments/{id}[/status]
    private static Optional<AduRoute> groupPath(Api api, String[] s) {
        if ((s.length != 7 && s.length != 8)
                || !s[2].equals("management")
                || !s[3].equals("groups")
                || !s[5].equals("deployments")) {
            return Optional.empty();
        }
        Optional<Op> op = readOrStatus(s, 7);
        boolean actionOnGroup = api == Api.GA && s.length == 7 && actionOf(s[6]).isPresent();
        return op.map(o -> new AduRoute(api, s[1], decode(s[4]), null, decode(s[6]), o, actionOnGroup));
    }

    // /deviceUpdate/{instance}/management/groups/{group}/deviceClassSubgroups/{class}/deployments/{id}[:action|/status]
    private static Optional<AduRoute> subgroupPath(String[] s) {
        if ((s.length != 9 && s.length != 10)
                || !s[2].equals("management")
                || !s[3].equals("groups")
                || !s[5].equals("deviceClassSubgroups")
                || !s[7].equals("deployments")) {
            return Optional.empty();
        }
        String group = decode(s[4]);
        String deviceClass = decode(s[6]);
        if (s.length == 10) {
            Optional<Op> op = readOrStatus(s, 9);
            return op.map(o -> new AduRoute(Api.GA, s[1], group, deviceClass, decode(s[8]), o, false));
        }
        Optional<Op> action = actionOf(s[8]);
        String id = action.isPresent() ? decode(s[8].substring(0, s[8].lastIndexOf(':'))) : decode(s[8]);
        return Optional.of(new AduRoute(Api.GA, s[1], group, deviceClass, id, action.orElse(Op.READ), false));
    }

    /** READ when the path ends at the id, STATUS when one more segment says "status". */
    private static Optional<Op> readOrStatus(String[] s, int statusAt) {
        if (s.length == statusAt) {
            return Optional.of(Op.READ);
        }
        return s[statusAt].equals("status") ? Optional.of(Op.STATUS) : Optional.empty();
    }

    /** The GA action after the id's last literal ':', if it is one. */
    private static Optional<Op> actionOf(String rawLastSegment) {
        int colon = rawLastSegment.lastIndexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        return switch (rawLastSegment.substring(colon + 1)) {
            case "cancel" -> Optional.of(Op.CANCEL);
            case "retry" -> Optional.of(Op.RETRY);
            default -> Optional.empty();
        };
    }

    /** Percent-decodes one path segment as UTF-8 ('+' stays '+'); fails on an empty result or a bad escape. */
    static String decode(String raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int i = 0;
        while (i < raw.length()) {
            if (raw.charAt(i) != '%') {
                int next = raw.indexOf('%', i);
                byte[] plain = raw.substring(i, next < 0 ? raw.length() : next).getBytes(StandardCharsets.UTF_8);
                bytes.write(plain, 0, plain.length);
                i = next < 0 ? raw.length() : next;
                continue;
            }
            int high = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
            int low = high < 0 ? -1 : Character.digit(raw.charAt(i + 2), 16);
            if (low < 0) {
                throw new IllegalArgumentException("bad percent-escape in " + raw);
            }
            bytes.write(high * 16 + low);
            i += 3;
        }
        String decoded = bytes.toString(StandardCharsets.UTF_8);
        if (decoded.isEmpty()) {
            throw new IllegalArgumentException("empty segment");
        }
        return decoded;
    }
}
