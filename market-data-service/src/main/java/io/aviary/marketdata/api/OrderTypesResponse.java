package io.aviary.marketdata.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

public record OrderTypesResponse(String connector,
        @JsonProperty("supported_order_types") List<String> supportedOrderTypes) {
}
