package io.aviary.gateway.web;

import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /}: unauthenticated liveness answer with the shape of hummingbot-api's root. */
@RestController
class RootController {

    private final String version;

    RootController(@Value("${aviary.version:0.1.0}") String version) {
        this.version = version;
    }

    @GetMapping("/")
    Map<String, String> root() {
        return Map.of("name", "Aviary", "version", version, "status", "running");
    }
}
