package io.aviary.backtesting.infra;

import io.aviary.backtesting.domain.StoredConfigs;
import io.aviary.kit.config.ServiceProperties;
import io.aviary.kit.failure.Unavailable;
import io.aviary.kit.web.InternalServiceClient;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Stored controller configs through orchestration-service's {@code GET /controllers/configs/{name}}. */
@Component
public class OrchestrationConfigs implements StoredConfigs {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final InternalServiceClient orchestration;
    private final JsonMapper json;

    public OrchestrationConfigs(@Value("${aviary.backtesting.orchestration-url}") String baseUrl,
            ServiceProperties service, JsonMapper json) {
        this.orchestration = new InternalServiceClient("orchestration-service", baseUrl, service.internalToken(),
                "backtesting-service", Duration.ofSeconds(5), json);
        this.json = json;
    }

    @Override
    public Optional<Map<String, Object>> find(String name) {
        try {
            return orchestration.get("controllers/configs/" + InternalServiceClient.encode(name))
                    .map(node -> json.convertValue(node, MAP));
        } catch (InternalServiceClient.UnavailableException e) {
            throw new Unavailable("Stored controller configs need orchestration-service: " + e.getMessage());
        }
    }
}
