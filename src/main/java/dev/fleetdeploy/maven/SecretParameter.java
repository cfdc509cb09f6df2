package dev.fleetdeploy.maven;

/**
 * A credential parameter as Maven injects it. Maven's debug output ({@code -X}) prints every injected parameter as
 * {@code (f) name = value}, using the value's {@code toString()}: this type's shows a mask, so a key given as
 * {@code -Dfleet.apiKey} or through an expression never appears there.
 *
 * <p>{@link FleetConfigurator} builds it from the configured text. Plain configurators (the test harness's) fall back
 * to the no-argument constructor and {@link #set(String)}, Sisu's "default setter".
 */
public final class SecretParameter {
    private String value;

    public SecretParameter() {}

    public SecretParameter(String value) {
        this.value = value;
    }

    /** Sisu's default setter: how a plain configurator puts the element's text in. */
    public void set(String value) {
        this.value = value;
    }

    /** The configured text, for the core to wrap in its own {@code Secret}. */
    String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "****";
    }
}
