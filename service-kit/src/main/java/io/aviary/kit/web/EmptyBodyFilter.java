package io.aviary.kit.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads request bodies the way FastAPI does, whatever the {@code Content-Type} says: an empty body is
 * no body (an optional body then takes its defaults, a required one is 422 "missing"), and a body
 * sent without any content type is JSON. Common HTTP clients send {@code Content-Length: 0} with
 * {@code application/octet-stream} or {@code text/plain} for a body-less POST; Spring would refuse
 * that content type before the controller sees there is nothing to read. A non-empty body with a
 * non-JSON content type is left alone (FastAPI refuses it too, with 422).
 */
public class EmptyBodyFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(adjusted(request), response);
    }

    private static HttpServletRequest adjusted(HttpServletRequest request) {
        String contentType = request.getContentType();
        if (declaresNoBody(request)) {
            return contentType == null ? request : new ContentTypeOverride(request, null);
        }
        return contentType == null ? new ContentTypeOverride(request, MediaType.APPLICATION_JSON_VALUE) : request;
    }

    /** {@code Content-Length: 0}, or neither a length nor chunked transfer: nothing follows the headers. */
    private static boolean declaresNoBody(HttpServletRequest request) {
        long length = request.getContentLengthLong();
        return length == 0 || (length < 0 && request.getHeader(HttpHeaders.TRANSFER_ENCODING) == null);
    }

    /** The request as if its {@code Content-Type} header were {@code contentType} (null: absent). */
    private static final class ContentTypeOverride extends HttpServletRequestWrapper {
        private final String contentType;

        ContentTypeOverride(HttpServletRequest request, String contentType) {
            super(request);
            this.contentType = contentType;
        }

        @Override
        public String getContentType() {
            return contentType;
        }

        @Override
        public String getHeader(String name) {
            return isContentType(name) ? contentType : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            if (!isContentType(name)) {
                return super.getHeaders(name);
            }
            return Collections.enumeration(contentType == null ? List.of() : List.of(contentType));
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            List<String> names = Collections.list(super.getHeaderNames()).stream()
                    .filter(name -> !isContentType(name)).toList();
            if (contentType == null) {
                return Collections.enumeration(names);
            }
            List<String> withType = new ArrayList<>(names);
            withType.add(HttpHeaders.CONTENT_TYPE);
            return Collections.enumeration(withType);
        }

        private static boolean isContentType(String name) {
            return HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name);
        }
    }
}
