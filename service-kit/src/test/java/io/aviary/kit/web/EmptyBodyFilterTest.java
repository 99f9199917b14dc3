package io.aviary.kit.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * FastAPI reads an empty body as no body whatever its content type, and a body without a content
 * type as JSON; the kit's filter makes every service do the same (issue 11, "Contract fidelity").
 */
class EmptyBodyFilterTest {

    @RestController
    static class Echo {
        @PostMapping("/optional")
        String optional(@RequestBody(required = false) JsonNode body) {
            JsonBody fields = JsonBody.of(body);
            String pair = fields.optionalString("trading_pair");
            fields.validate();
            return pair == null ? "no body" : pair;
        }

        @PostMapping("/required")
        String required(@RequestBody JsonNode body) {
            return body.toString();
        }
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Echo())
            .setControllerAdvice(new ApiExceptionHandler())
            .addFilters(new EmptyBodyFilter())
            .build();

    @ParameterizedTest
    @ValueSource(strings = {"application/octet-stream", "text/plain", "application/x-www-form-urlencoded", "application/json"})
    void anEmptyBodyOfAnyContentTypeIsNoBody(String contentType) throws Exception {
        mvc.perform(post("/optional").header("Content-Type", contentType).header("Content-Length", "0"))
                .andExpect(status().isOk())
                .andExpect(content().string("no body"));
    }

    @Test
    void anEmptyBodyWithoutContentTypeIsNoBody() throws Exception {
        mvc.perform(post("/optional").header("Content-Length", "0")).andExpect(status().isOk());
    }

    @Test
    void aBodyWithoutContentTypeIsReadAsJson() throws Exception {
        mvc.perform(post("/optional").content("{\"trading_pair\":\"BTC-USDT\"}"))
                .andExpect(status().isOk())
                .andExpect(content().string("BTC-USDT"));
    }

    @Test
    void aNonEmptyNonJsonBodyIsStill422() throws Exception {
        mvc.perform(post("/optional").contentType("text/plain").content("trading_pair=BTC-USDT"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail[0].loc[0]").value("body"));
    }

    @Test
    void anEmptyBodyWhereOneIsRequiredIs422() throws Exception {
        mvc.perform(post("/required").header("Content-Type", "application/octet-stream").header("Content-Length", "0"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail[0].type").value("missing"))
                .andExpect(jsonPath("$.detail[0].loc[0]").value("body"))
                .andExpect(jsonPath("$.detail[0].msg").value("Field required"));
    }
}
