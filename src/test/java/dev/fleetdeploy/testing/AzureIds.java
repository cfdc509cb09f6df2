package dev.fleetdeploy.testing;

/** The Azure ids the tests use, and ADU's scope: one tenant, one app, one federated assertion. */
public final class AzureIds {
    /** A directory (tenant) id, in Entra's GUID form. */
    public static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";

    /** An application (client) id. */
    public static final String CLIENT_ID = "11111111-2222-3333-4444-555555555555";

    /** A federated token as a workload identity hands it over: a JWT, here never checked but by equality. */
    public static final String ASSERTION =
            "eyJhbGciOiJSUzI1NiIsImtpZCI6ImsxIn0.eyJpc3MiOiJodHRwczovL3Rva2VuLmFjdGlvbnMifQ.c2lnLWZlZA";

    /** What a token for Azure Device Update is asked for. */
    public static final String SCOPE = "https://api.adu.microsoft.com/.default";

    private AzureIds() {}
}
