package io.aviary.gateway;

import io.aviary.gateway.auth.BasicAuthFilter;
import io.aviary.gateway.auth.BasicCredentials;
import io.aviary.gateway.auth.LoginThrottle;
import io.aviary.gateway.routing.InternalTokenFilter;
import io.aviary.gateway.web.BodySizeLimitFilter;
import io.aviary.gateway.web.ClientAddress;
import io.aviary.gateway.web.JsonErrorHandler;
import io.aviary.gateway.web.RequestIdFilter;
import java.time.Clock;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

@Configuration
class GatewayConfiguration {

    /** Fails the start-up (before the server binds) when development credentials would be reachable from the network. */
    @Bean
    ExposureGuard exposureGuard(GatewayProperties properties, Environment environment) {
        return ExposureGuard.verified(environment.getProperty("server.address"), properties.username(),
                properties.password(), environment.getProperty("AVIARY_DEV_DEFAULTS"));
    }

    @Bean
    RequestIdFilter requestIdFilter() {
        return new RequestIdFilter();
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

    /**
     * CORS as hummingbot-api ca19b95 has it (any origin, reflected, with credentials), applied before
     * authentication so that preflights pass and 401s are readable by browser clients.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 5)
    CorsWebFilter corsWebFilter() {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOriginPatterns(List.of("*"));
        cors.setAllowCredentials(true);
        cors.addAllowedMethod("*");
        cors.addAllowedHeader("*");
        cors.addExposedHeader(RequestIdFilter.HEADER);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cors);
        return new CorsWebFilter(source);
    }
}
