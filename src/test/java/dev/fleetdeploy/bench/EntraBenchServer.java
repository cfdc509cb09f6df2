package dev.fleetdeploy.bench;

import dev.fleetdeploy.testing.FakeAdu;
import dev.fleetdeploy.testing.FakeDatadog;
import dev.fleetdeploy.testing.FakeEntra;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/**
 * The fakes the Entra ID benchmark (bench/entra) runs against, on 127.0.0.1: a fake Entra ID with one app (client
 * secret), a fake ADU that accepts its tokens and a fake Datadog, each with {@code count} deployments so that every
 * round cancels a fresh one. Writes their URLs to a properties file and stops by itself after {@code max} seconds.
 *
 * <p>Arguments: {@code <properties file> <count> <max seconds>}.
 */
public final class EntraBenchServer {
    public static final String TENANT = "bench-tenant";
    public static final String CLIENT_ID = "bench-client";
    public static final String SECRET = "bench-client-secret-7d1e0c9b";
    public static final String DD_API_KEY = "bench-api-key-2a3b4c";
    public static final String DD_APP_KEY = "bench-app-key-5d6e7f";

    private EntraBenchServer() {}

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        long maxSeconds = Long.parseLong(args[2]);
        try (FakeEntra entra = FakeEntra.start().client(TENANT, CLIENT_ID, SECRET);
                FakeAdu adu = FakeAdu.start().trust(entra);
                FakeDatadog datadog = FakeDatadog.start(DD_API_KEY, DD_APP_KEY)) {
            for (int i = 1; i <= count; i++) {
                adu.deployment("TestGroup", "dep-" + i, List.of("dc1"));
                datadog.deployment("dep-" + i, "running", 1);
            }
            Properties urls = new Properties();
            urls.setProperty("entra", entra.authorityHost());
            urls.setProperty("adu", adu.url());
            urls.setProperty("datadog", datadog.url());
            Path partial = Files.createTempFile(out.getParent(), "urls", ".tmp");
            try (var writer = Files.newBufferedWriter(partial)) {
                urls.store(writer, null);
            }
            Files.move(partial, out, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            Thread.sleep(maxSeconds * 1000);
        }
    }
}
