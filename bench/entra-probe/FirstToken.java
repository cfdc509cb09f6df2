import dev.fleetdeploy.core.SecretMasker;
import dev.fleetdeploy.core.Secret;
import dev.fleetdeploy.entra.AuthorityHost;
import dev.fleetdeploy.entra.ClientCredential;
import dev.fleetdeploy.entra.EntraTokenClient;
import dev.fleetdeploy.http.HttpSettings;
import dev.fleetdeploy.http.HttpTransport;
import dev.fleetdeploy.http.RetryPolicy;
import dev.fleetdeploy.core.UserTerms;
import dev.fleetdeploy.core.FleetLog;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * One client-secret token in a fresh JVM, through whichever EntraTokenClient is on the class path (the hand-written
 * one before MSAL, MSAL's after): prints the time to the token and the classes loaded. Compiled by bench/entra against
 * each build; it uses only what both have.
 */
public class FirstToken {
    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        FleetLog quiet = new FleetLog() {
            public void debug(String m) {}
            public void info(String m) {}
            public void warn(String m) {}
            public void error(String m) {}
            public boolean isDebugEnabled() { return false; }
        };
        UserTerms terms = terms();
        try (HttpTransport transport = new HttpTransport(
                new HttpSettings(Duration.ofSeconds(10), Duration.ofSeconds(30), RetryPolicy.withRetries(3), 8, List.of()),
                quiet, terms)) {
            long before = ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount();
            long asked = System.nanoTime();
            EntraTokenClient client = new EntraTokenClient(
                    new ClientCredential(AuthorityHost.parse(args[0], "bench"), args[1], args[2],
                            new ClientCredential.ClientSecret(Secret.of(args[3]), "bench")),
                    "https://api.adu.microsoft.com/.default", transport, new SecretMasker(), Clock.systemUTC());
            client.token();
            long got = System.nanoTime();
            long classes = ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount() - before;
            // A second, fresh client in the same JVM: the warm cost.
            long warmStart = System.nanoTime();
            new EntraTokenClient(
                    new ClientCredential(AuthorityHost.parse(args[0], "bench"), args[1], args[2],
                            new ClientCredential.ClientSecret(Secret.of(args[3]), "bench")),
                    "https://api.adu.microsoft.com/.default", transport, new SecretMasker(), Clock.systemUTC()).token();
            long warm = System.nanoTime() - warmStart;
            System.out.printf("first_token_ms\t%.1f%nclasses_for_token\t%d%nwarm_token_ms\t%.2f%njvm_to_token_ms\t%.1f%n",
                    (got - asked) / 1e6, classes, warm / 1e6, (got - start) / 1e6);
        }
    }

    /** UserTerms gained words after the "before" build; any of its shapes will do, each word a placeholder. */
    private static UserTerms terms() throws ReflectiveOperationException {
        var constructor = UserTerms.class.getDeclaredConstructors()[0];
        Object[] words = new Object[constructor.getParameterCount()];
        java.util.Arrays.fill(words, "term");
        return (UserTerms) constructor.newInstance(words);
    }
}
