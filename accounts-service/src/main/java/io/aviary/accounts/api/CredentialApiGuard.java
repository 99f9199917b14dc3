package io.aviary.accounts.api;

import io.aviary.kit.web.CredentialsToken;
import io.aviary.kit.web.CredentialsTokenInterceptor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The credential API ({@link InternalCredentialsController}) opens stored exchange secrets, so the internal token
 * every service and the gateway hold is not enough: it also needs {@value CredentialsToken#ENV}, which only
 * accounts-service and trading-service are given. Without it accounts-service does not start.
 */
@Configuration
public class CredentialApiGuard implements WebMvcConfigurer {

    private final CredentialsToken token;

    public CredentialApiGuard(@Value("${" + CredentialsToken.ENV + ":}") String token) {
        this.token = CredentialsToken.require(token, "accounts-service");
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new CredentialsTokenInterceptor(token, InternalCredentialsController.class));
    }
}
