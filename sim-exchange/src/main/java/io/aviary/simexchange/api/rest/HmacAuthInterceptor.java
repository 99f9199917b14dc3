package io.aviary.simexchange.api.rest;

import io.aviary.simexchange.app.ApiKeyService;
import io.aviary.simexchange.app.Principal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Authenticates {@link SignedRequest} endpoints: the signed payload is
 * {@code timestamp + METHOD + path + ("?" + query, when there is one) + body}, exactly as sent.
 */
public final class HmacAuthInterceptor implements HandlerInterceptor {

    public static final String API_KEY = "X-SIM-APIKEY";
    public static final String TIMESTAMP = "X-SIM-TIMESTAMP";
    public static final String SIGNATURE = "X-SIM-SIGNATURE";
    static final String PRINCIPAL = "sim.principal";

    private final ApiKeyService keys;

    public HmacAuthInterceptor(ApiKeyService keys) {
        this.keys = keys;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method) || !method.getBeanType().isAnnotationPresent(SignedRequest.class)) {
            return true;
        }
        byte[] body = (byte[]) request.getAttribute(CachedBodyFilter.BODY);
        String query = request.getQueryString();
        String payload = request.getMethod() + request.getRequestURI() + (query == null || query.isEmpty() ? "" : "?" + query)
                + (body == null ? "" : new String(body, StandardCharsets.UTF_8));
        Principal principal = keys.verify(request.getHeader(API_KEY), request.getHeader(TIMESTAMP),
                request.getHeader(SIGNATURE), payload);
        request.setAttribute(PRINCIPAL, principal);
        return true;
    }
}
