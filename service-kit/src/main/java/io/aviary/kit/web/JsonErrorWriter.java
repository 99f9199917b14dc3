package io.aviary.kit.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.json.JsonMapper;

/** Writes {@code {"detail": ...}} from servlet filters, which run before Spring MVC's error handling. */
final class JsonErrorWriter {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private JsonErrorWriter() {
    }

    static void write(HttpServletResponse response, int status, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(MAPPER.writeValueAsString(ErrorBody.of(detail)));
    }
}
