package io.aviary.kit.web;

import io.aviary.common.web.PathTricks;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Services are reachable only through the gateway, which adds {@value #HEADER}. A request without
 * the right token (someone calling the service port directly) gets 401. Health and metrics stay
 * open because the launcher, orchestrators and Prometheus probe them from outside the gateway.
 * <p>
 * Which path is public is decided on the path the container parsed (decoded, dot segments resolved: the one the
 * dispatcher routes by), never on the raw URI, and a raw path whose decoded reading could differ (encoded slash or
 * dot, dot segment, {@code ;}, {@code //}, backslash) is refused with 400 first: otherwise
 * {@code /actuator/health/%2e%2e/%2e%2e/internal/credentials} would look public to a raw-prefix check and reach the
 * credential API after decoding.
 */
public class InternalTokenFilter extends OncePerRequestFilter {

    public static final String HEADER = "X-Aviary-Internal-Token";

    private final byte[] expected;

    public InternalTokenFilter(String internalToken) {
        this.expected = internalToken.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> trick = PathTricks.violationIn(request.getRequestURI());
        if (trick.isPresent()) {
            JsonErrorWriter.write(response, HttpServletResponse.SC_BAD_REQUEST, PathTricks.detail(trick.get()));
            return;
        }
        if (isPublic(parsedPath(request))) {
            chain.doFilter(request, response);
            return;
        }
        String presented = request.getHeader(HEADER);
        if (presented == null || !MessageDigest.isEqual(expected, presented.getBytes(StandardCharsets.UTF_8))) {
            JsonErrorWriter.write(response, HttpServletResponse.SC_UNAUTHORIZED,
                    "This service only accepts requests routed through the Aviary gateway");
            return;
        }
        chain.doFilter(request, response);
    }

    /** The decoded, normalized path within the application, as the container hands it to the dispatcher. */
    static String parsedPath(HttpServletRequest request) {
        String servletPath = request.getServletPath() == null ? "" : request.getServletPath();
        String pathInfo = request.getPathInfo() == null ? "" : request.getPathInfo();
        return servletPath + pathInfo;
    }

    static boolean isPublic(String path) {
        return path.equals("/actuator/health") || path.startsWith("/actuator/health/")
                || path.equals("/actuator/prometheus");
    }
}
