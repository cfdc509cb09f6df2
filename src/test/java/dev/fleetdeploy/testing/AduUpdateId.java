package dev.fleetdeploy.testing;

/**
 * The update a fake ADU deployment installs. Every API generation shows it, so the plugin can name it in its log.
 *
 * @param provider the update's provider
 * @param name the update's name
 * @param version the update's version
 */
public record AduUpdateId(String provider, String name, String version) {
    /** The spec examples' update, so that bodies read like the examples. */
    public static final AduUpdateId EXAMPLE = new AduUpdateId("provider", "name", "1.2.3.4");
}
