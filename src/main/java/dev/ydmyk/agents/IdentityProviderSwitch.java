package dev.ydmyk.agents;

import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;

/**
 * Sign-in through the company's identity provider is on exactly when an operator names the provider
 * ({@code quarkus.oidc.auth-server-url}): without one, quarkus-oidc's default tenant reads as turned off,
 * so the embedded default starts with no provider and its built-in agents. With one, an operator's own
 * {@code quarkus.oidc.tenant-enabled=false} still turns it off. Asked at every lookup, so it sees the URL
 * wherever it is set (config file, environment, a test's resources).
 */
public class IdentityProviderSwitch implements ConfigSourceInterceptor {

    static final String URL = "quarkus.oidc.auth-server-url";
    static final String ENABLED = "quarkus.oidc.tenant-enabled";

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        ConfigValue value = context.proceed(name);
        if (!ENABLED.equals(name)) {
            return value;
        }
        ConfigValue url = context.proceed(URL);
        if (url != null && url.getValue() != null && !url.getValue().isBlank()) {
            return value;
        }
        return ConfigValue.builder().withName(ENABLED).withValue("false")
                .withConfigSourceName("ydmyk: no identity provider (" + URL + ")").build();
    }
}
