package io.aviary.trading.api;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.aviary.kit.web.ApiExceptionHandler;
import io.aviary.kit.web.EmptyBodyFilter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/**
 * The trading endpoints whose body is required answer a body-less request as FastAPI does, 422
 * {@code missing} at {@code ["body"]}, whatever content type came with the empty body (issue 11).
 * Nothing behind the controller runs: validation fails first.
 */
class TradingBodiesTest {

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new TradingController(null, null, null))
            .setControllerAdvice(new ApiExceptionHandler())
            .addFilters(new EmptyBodyFilter())
            .build();

    @ParameterizedTest
    @ValueSource(strings = {"/trading/orders", "/trading/acc/sim_perpetual/position-mode", "/trading/acc/sim_perpetual/leverage"})
    void anEmptyRequiredBodyIsMissing(String path) throws Exception {
        mvc.perform(post(path).header("Content-Type", "application/octet-stream").header("Content-Length", "0"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail.length()").value(1))
                .andExpect(jsonPath("$.detail[0].type").value("missing"))
                .andExpect(jsonPath("$.detail[0].loc.length()").value(1))
                .andExpect(jsonPath("$.detail[0].loc[0]").value("body"));
    }
}
