package dev.fleetdeploy.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/**
 * The managed identity endpoints of {@link FakeEntra}, on its own server: the instance metadata service
 * ({@code GET /metadata/identity/oauth2/token}, which wants {@code Metadata: true} and answers a request without it
 * with a 400 at once, as a probe expects) and App Service's ({@code GET /msi/token}, which wants the
 * {@code X-IDENTITY-HEADER} its host set in {@code IDENTITY_HEADER}). Their tokens are the fake Entra ID's own, so
 * linked fake ADUs accept them. Only the identities the test enabled get one.
 */
final class ManagedIdentityEndpoints {
    static final String IMDS_PATH = "/metadata/identity/oauth2/token";
    static final String APP_SERVICE_PATH = "/msi/token";
    static final String RESOURCE = "https://api.adu.microsoft.com/";

    private final EntraDispatcher entra;
    private final Set<String> userAssigned = ConcurrentHashMap.newKeySet();
    private volatile boolean systemAssigned;
    private volatile String identityHeader;

    ManagedIdentityEndpoints(EntraDispatcher entra) {
        this.entra = entra;
    }

    void systemAssigned() {
        systemAssigned = true;
    }

    /** A user-assigned identity, by client id or ARM resource id. */
    void userAssigned(String id) {
        userAssigned.add(id.toLowerCase(java.util.Locale.ROOT));
    }

    void identityHeader(String secret) {
        identityHeader = secret;
    }

    Optional<MockResponse> answer(RecordedRequest request, String path) {
        if (path.equals(IMDS_PATH)) {
            return Optional.of(imds(request));
        }
        if (path.equals(APP_SERVICE_PATH)) {
            return Optional.of(appService(request));
        }
        return Optional.empty();
    }

    private MockResponse imds(RecordedRequest request) {
        if (!request.getMethod().equals("GET")) {
            return error(405, "invalid_request", "GET only");
        }
        if (!"true".equals(request.getHeaders().get("Metadata"))) {
            return error(400, "invalid_request", "Required metadata header not specified");
        }
        return token(request.getUrl(), true);
    }

    private MockResponse appService(RecordedRequest request) {
        if (identityHeader == null
                || !identityHeader.equals(request.getHeaders().get("X-IDENTITY-HEADER"))) {
            return error(401, "unauthorized", "The X-IDENTITY-HEADER is missing or wrong.");
        }
        return token(request.getUrl(), false);
    }

    private MockResponse token(HttpUrl url, boolean imds) {
        String resource = url.queryParameter("resource");
        if (!RESOURCE.equals(resource)) {
            return error(
                    400,
                    "invalid_resource",
                    "AADSTS500011: The resource principal named " + resource + " was not found in the tenant.");
        }
        String id = firstOf(url, "client_id", "mi_res_id", "msi_res_id", "object_id", "principal_id");
        boolean known = id == null ? systemAssigned : userAssigned.contains(id.toLowerCase(java.util.Locale.ROOT));
        if (!known) {
            return error(
                    400,
                    "invalid_request",
                    id == null
                            ? "Identity not found: no system-assigned identity on this resource."
                            : "Identity not found: no user-assigned identity '" + id + "' is assigned here.");
        }
        String token = entra.newToken();
        long expiresOn = System.currentTimeMillis() / 1000 + 86_399;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", token);
        body.put("client_id", id == null ? "system-assigned" : id);
        if (imds) {
            body.put("expires_in", "86399");
            body.put("ext_expires_in", "86399");
        }
        body.put("expires_on", String.valueOf(expiresOn));
        body.put("resource", RESOURCE);
        body.put("token_type", "Bearer");
        return EntraDispatcher.json(200, EntraErrors.newId())
                .body(Json.write(body))
                .build();
    }

    private static String firstOf(HttpUrl url, String... names) {
        for (String name : names) {
            String value = url.queryParameter(name);
            if (value != null && !value.isEmpty()) {
                return value;
            }
        }
        return null;
    }

    private static MockResponse error(int code, String error, String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("error_description", description);
        return EntraDispatcher.json(code, EntraErrors.newId())
                .body(Json.write(body))
                .build();
    }
}
