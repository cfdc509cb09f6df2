package dev.fleetdeploy.maven;

import org.codehaus.plexus.component.configurator.converters.basic.AbstractBasicConverter;

/** Turns a configured text (after Maven has evaluated its {@code ${...}} expressions) into a {@link SecretParameter}. */
final class SecretParameterConverter extends AbstractBasicConverter {

    @Override
    public boolean canConvert(Class<?> type) {
        return SecretParameter.class.equals(type);
    }

    @Override
    protected Object fromString(String text) {
        return new SecretParameter(text);
    }
}
