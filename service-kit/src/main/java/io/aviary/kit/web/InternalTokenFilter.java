package io.aviary.kit.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Services are reachable only through the gateway, which adds {@value #HEADER}. A request without
 * the right token (someone calling the service port directly) gets 401. Health and metrics stay
 * open because the launcher, orchestrators and Prometheus probe them from outside the gateway.
 */
public class InternalTokenFilter extends OncePerRequestFilter {

    public static final String HEADER = "X-Aviary-Internal-Token";

    private final byte[] expected;

    public InternalTokenFilter(String internalToken) {
        this.expected = internalToken.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path.equals("/actuator/health") || path.startsWith("/actuator/health/")
                || path.equals("/actuator/prometheus");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String presented = request.getHeader(HEADER);
        if (presented == null || !MessageDigest.isEqual(expected, presented.getBytes(StandardCharsets.UTF_8))) {
            JsonErrorWriter.write(response, HttpServletResponse.SC_UNAUTHORIZED,
                    "This service only accepts requests routed through the Aviary gateway");
            return;
        }
        chain.doFilter(request, response);
    }
}
