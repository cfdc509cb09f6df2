package dev.fleetdeploy.maven;

import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A {@code -Dname=value} on the test's command line. Applied before the harness configures the Mojo, so it reaches
 * both the parameters Maven injects ({@code ${fleet.site}}) and those the Mojo reads itself ({@code fleet.apiKey}).
 * {@code ${fake.api}} and {@code ${work.dir}} in the value stand for the fake API's URL and the build's folder.
 * (Public because JUnit reads the repeated annotations through a proxy.)
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Repeatable(UserProperty.List.class)
public @interface UserProperty {
    String name();

    String value();

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    public @interface List {
        UserProperty[] value();
    }
}
