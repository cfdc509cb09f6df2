package dev.fleetdeploy.maven;

import org.codehaus.plexus.component.configurator.BasicComponentConfigurator;

/**
 * Maven's basic configurator, plus {@link SecretParameter}: the goals name it ({@code @Mojo(configurator = ...)}) so
 * that credentials are injected as a type whose debug output is a mask. Declared in
 * {@code META-INF/plexus/components.xml}, where every Maven from 3.6 to 4 finds it in the plugin's class realm.
 */
public class FleetConfigurator extends BasicComponentConfigurator {
    public static final String ID = "fleet-deployment";

    public FleetConfigurator() {
        converterLookup.registerConverter(new SecretParameterConverter());
    }
}
