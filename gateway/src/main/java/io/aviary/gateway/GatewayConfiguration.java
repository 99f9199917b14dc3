package io.aviary.gateway;

import io.aviary.gateway.auth.BasicAuthFilter;
import io.aviary.gateway.auth.BasicCredentials;
import io.aviary.gateway.auth.LoginThrottle;
import io.aviary.gateway.edge.CorsFilter;
import io.aviary.gateway.edge.EdgeProperties;
import io.aviary.gateway.edge.InternalHeaderFilter;
import io.aviary.gateway.edge.PathGuardFilter;
import io.aviary.gateway.routing.InternalTokenFilter;
import io.aviary.gateway.web.AsyncAccessLog;
import io.aviary.gateway.web.BodySizeLimitFilter;
import io.aviary.gateway.web.ClientAddress;
import io.aviary.gateway.web.JsonErrorHandler;
import io.aviary.gateway.web.RequestIdFilter;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration
class GatewayConfiguration {

    /** Fails the start-up (before the server binds) when development credentials would be reachable from the network. */
    @Bean
    ExposureGuard exposureGuard(GatewayProperties properties, Environment environment) {
        return ExposureGuard.verified(environment.getProperty("server.address"), properties.username(),
                properties.password(), environment.getProperty("AVIARY_DEV_DEFAULTS"));
    }

    @Bean
    AsyncAccessLog asyncAccessLog() {
        return new AsyncAccessLog();
    }

    @Bean
    RequestIdFilter requestIdFilter(Environment environment) {
        return new RequestIdFilter(environment.getProperty("management.tracing.sampling.probability", Double.class, 0.1));
    }

    @Bean
    BodySizeLimitFilter bodySizeLimitFilter(GatewayProperties properties) {
        return new BodySizeLimitFilter(properties.maxBodyBytes());
    }

    @Bean
    LoginThrottle loginThrottle(GatewayProperties properties) {
        return new LoginThrottle(properties.loginThrottle(), Clock.systemUTC());
    }

    @Bean
    BasicAuthFilter basicAuthFilter(GatewayProperties properties, LoginThrottle throttle) {
        return new BasicAuthFilter(new BasicCredentials(properties.username(), properties.password()), throttle,
                new ClientAddress(properties.trustForwardedFor()));
    }

    @Bean
    InternalTokenFilter internalTokenFilter(GatewayProperties properties) {
        return new InternalTokenFilter(properties.internalToken());
    }

    @Bean
    JsonErrorHandler jsonErrorHandler() {
        return new JsonErrorHandler();
    }

    /** Path tricks, client-sent internal headers and CORS are settled before authentication and routing. */
    @Bean
    PathGuardFilter pathGuardFilter() {
        return new PathGuardFilter();
    }

    @Bean
    InternalHeaderFilter internalHeaderFilter(EdgeProperties edge) {
        return new InternalHeaderFilter(edge.trustedProxySet());
    }

    @Bean
    CorsFilter corsFilter(EdgeProperties edge) {
        return new CorsFilter(edge);
    }
}
