package io.aviary.kit.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Objects;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses (403) every call to the guarded controller that lacks the {@link CredentialsToken}. It decides by the
 * handler Spring MVC chose, not by a path: however a path was spelled, if it reached that controller it needs the
 * secret. Runs after the kit's {@link InternalTokenFilter}, so a caller holds both tokens.
 */
public final class CredentialsTokenInterceptor implements HandlerInterceptor {

    private final CredentialsToken token;
    private final Class<?> guarded;

    public CredentialsTokenInterceptor(CredentialsToken token, Class<?> guardedController) {
        this.token = Objects.requireNonNull(token);
        this.guarded = Objects.requireNonNull(guardedController);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
        if (!(handler instanceof HandlerMethod method) || !guarded.isAssignableFrom(method.getBeanType())) {
            return true;
        }
        if (token.matches(request.getHeader(CredentialsToken.HEADER))) {
            return true;
        }
        JsonErrorWriter.write(response, HttpServletResponse.SC_FORBIDDEN,
                "The credential API needs the " + CredentialsToken.HEADER + " header");
        return false;
    }
}
