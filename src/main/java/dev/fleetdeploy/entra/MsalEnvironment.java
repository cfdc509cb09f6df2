package dev.fleetdeploy.entra;

import com.microsoft.aad.msal4j.ManagedIdentityApplication;
import dev.fleetdeploy.core.Environment;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.Callable;

/**
 * Makes MSAL's managed identity code read the plugin's {@link Environment} rather than the process's, so that the
 * source and endpoint MSAL picks are the ones the plugin checked, chose and logged (and tests can point it at a
 * fake). MSAL reads its variables through an interface it lets its own tests replace
 * ({@code ManagedIdentityApplication.setEnvironmentVariables}, package-private in 1.26.1, docs/entra-id.md); it is
 * one JVM-wide setting, so acquisitions take turns and the setting is cleared after each.
 */
final class MsalEnvironment {
    private static final Object TURN = new Object();

    private MsalEnvironment() {}

    /** Runs {@code work} with MSAL reading {@code env}. */
    static <T> T with(Environment env, Callable<T> work) throws Exception {
        synchronized (TURN) {
            Method set = setter();
            Object variables = proxy(set.getParameterTypes()[0], env);
            set.invoke(null, variables);
            try {
                return work.call();
            } finally {
                set.invoke(null, (Object) null);
            }
        }
    }

    private static Method setter() {
        try {
            Class<?> variables = Class.forName(
                    "com.microsoft.aad.msal4j.IEnvironmentVariables",
                    false,
                    ManagedIdentityApplication.class.getClassLoader());
            Method set = ManagedIdentityApplication.class.getDeclaredMethod("setEnvironmentVariables", variables);
            set.setAccessible(true);
            return set;
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException(
                    "this MSAL has no setEnvironmentVariables: the plugin expects msal4j 1.26.1 (" + e + ")", e);
        }
    }

    private static Object proxy(Class<?> variables, Environment env) {
        return Proxy.newProxyInstance(variables.getClassLoader(), new Class<?>[] {variables}, (self, method, args) -> {
            switch (method.getName()) {
                case "getEnvironmentVariable":
                    return env.get((String) args[0]).orElse(null);
                case "toString":
                    return "MsalEnvironment";
                case "hashCode":
                    return System.identityHashCode(self);
                case "equals":
                    return self == args[0];
                default:
                    throw new UnsupportedOperationException(method.getName());
            }
        });
    }

    /** Unwraps what the reflective call wrapped. */
    static Exception unwrap(Exception e) {
        return e instanceof InvocationTargetException invocation && invocation.getCause() instanceof Exception cause
                ? cause
                : e;
    }
}
