package dev.fleetdeploy.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetdeploy.core.TargetName;
import java.util.ArrayList;
import java.util.List;
import org.codehaus.plexus.component.configurator.BasicComponentConfigurator;
import org.codehaus.plexus.component.configurator.ComponentConfigurator;
import org.codehaus.plexus.component.configurator.ConfigurationListener;
import org.codehaus.plexus.component.configurator.expression.DefaultExpressionEvaluator;
import org.codehaus.plexus.configuration.DefaultPlexusConfiguration;
import org.codehaus.plexus.configuration.PlexusConfiguration;
import org.junit.jupiter.api.Test;

/**
 * What Maven's {@code -X} output shows of a credential: Maven's DebugConfigurationListener prints each injected value
 * with {@code toString()}. The configurator the goals name must hand it a {@link SecretParameter}, on every Maven.
 */
class FleetConfiguratorTest {
    private static final String KEY = "configured-api-key-5e6f7a";

    /** A Mojo-like bean with a credential and a nested target. */
    public static final class Bean {
        private SecretParameter apiKey;
        private List<Target> targets;
    }

    /** Records what Maven's debug listener would print: "(f) name = value". */
    private static final class PrintingListener implements ConfigurationListener {
        final List<String> lines = new ArrayList<>();

        @Override
        public void notifyFieldChangeUsingSetter(String fieldName, Object value, Object target) {
            lines.add("(s) " + fieldName + " = " + value);
        }

        @Override
        public void notifyFieldChangeUsingReflection(String fieldName, Object value, Object target) {
            lines.add("(f) " + fieldName + " = " + value);
        }
    }

    private static PlexusConfiguration configuration() {
        DefaultPlexusConfiguration root = new DefaultPlexusConfiguration("configuration");
        root.addChild("apiKey", KEY);
        PlexusConfiguration target = root.getChild("targets", true).getChild("target", true);
        target.addChild("clientSecret", KEY + "-target");
        return root;
    }

    private static PrintingListener configure(ComponentConfigurator configurator, Bean bean) throws Exception {
        PrintingListener listener = new PrintingListener();
        configurator.configureComponent(bean, configuration(), new DefaultExpressionEvaluator(), null, listener);
        return listener;
    }

    @Test
    void theGoalsConfiguratorInjectsTheKeyAndPrintsOnlyAMask() throws Exception {
        Bean bean = new Bean();

        PrintingListener listener = configure(new FleetConfigurator(), bean);

        assertThat(bean.apiKey.reveal()).isEqualTo(KEY);
        // Injected into the field Target inherits from TargetParameters, as Maven's configurator finds it.
        assertThat(bean.targets
                        .get(0)
                        .settings(TargetName.TOP_LEVEL, ParameterNames.TOP_LEVEL)
                        .adu()
                        .clientSecret()
                        .value()
                        .reveal())
                .isEqualTo(KEY + "-target");
        assertThat(listener.lines).contains("(f) apiKey = ****", "(f) clientSecret = ****");
        assertThat(String.join("\n", listener.lines)).doesNotContain(KEY);
    }

    @Test
    void aPlainConfiguratorStillInjectsTheKey() throws Exception {
        Bean bean = new Bean();

        configure(new BasicComponentConfigurator(), bean);

        // The test harness configures Mojos this way; Maven itself uses FleetConfigurator, named by the goals.
        assertThat(bean.apiKey.reveal()).isEqualTo(KEY);
    }
}
