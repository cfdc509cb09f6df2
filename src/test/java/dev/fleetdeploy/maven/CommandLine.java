package dev.fleetdeploy.maven;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The {@code -D} options of the test's {@code mvn} command line, as a pipeline writes them:
 * {@code "-Dfleet.provider=datadog -Dfleet.deploymentId=one,two"} (no value holds a space). Applied before the harness
 * configures the Mojo, so they reach both the parameters Maven injects ({@code ${fleet.site}}) and those the Mojo reads
 * itself ({@code fleet.apiKey}). {@code ${fake.api}} and {@code ${work.dir}} in a value stand for the fake API's URL
 * and the build's folder.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface CommandLine {
    String value();
}
