package io.aviary.kit.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Principal;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Services are reachable only through the gateway, which adds {@value #HEADER}. A request without
 * the right token (someone calling the service port directly) gets 401.
 *
 * <p>Health and metrics stay reachable without the token because the launcher, orchestrators and
 * Prometheus probe them from outside the gateway. Health then shows only its status: the kit sets
 * {@code show-details=when-authorized}, and only a health request that carries the right token is
 * given a principal ({@value #INTERNAL_PRINCIPAL}), which is what lets Spring Boot add the components
 * and their details. A wrong token on health is 401 like everywhere else, so a misconfigured caller
 * notices instead of silently seeing less.
 */
public class InternalTokenFilter extends OncePerRequestFilter {

    public static final String HEADER = "X-Aviary-Internal-Token";

    /** The principal name a request with the right token carries on the health endpoints. */
    public static final String INTERNAL_PRINCIPAL = "aviary-internal";

    private static final Principal INTERNAL = () -> INTERNAL_PRINCIPAL;

    private final byte[] expected;

    public InternalTokenFilter(String internalToken) {
        this.expected = internalToken.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI();
        String presented = request.getHeader(HEADER);
        if (presented == null && isOpenWithoutToken(path)) {
            chain.doFilter(request, response);
            return;
        }
        if (presented == null || !MessageDigest.isEqual(expected, presented.getBytes(StandardCharsets.UTF_8))) {
            JsonErrorWriter.write(response, HttpServletResponse.SC_UNAUTHORIZED,
                    "This service only accepts requests routed through the Aviary gateway");
            return;
        }
        chain.doFilter(isHealth(path) ? new InternalCaller(request) : request, response);
    }

    private static boolean isOpenWithoutToken(String path) {
        return isHealth(path) || path.equals("/actuator/prometheus");
    }

    private static boolean isHealth(String path) {
        return path.equals("/actuator/health") || path.startsWith("/actuator/health/");
    }

    /** A request that proved it holds the internal token: the principal Spring Boot's when-authorized looks for. */
    private static final class InternalCaller extends HttpServletRequestWrapper {

        InternalCaller(HttpServletRequest request) {
            super(request);
        }

        @Override
        public Principal getUserPrincipal() {
            return INTERNAL;
        }
    }
}
