package io.aviary.simexchange.api.rest;

import io.aviary.simexchange.app.Principal;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Hands the authenticated {@link Principal} to controller methods. */
public final class PrincipalResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Principal.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
            WebDataBinderFactory binders) {
        Object p = request.getAttribute(HmacAuthInterceptor.PRINCIPAL, RequestAttributes.SCOPE_REQUEST);
        if (p == null) {
            throw new IllegalStateException("endpoint asks for a Principal but is not a @SignedRequest");
        }
        return p;
    }
}
