package io.aviary.gateway.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /}: the unauthenticated liveness answer, exactly hummingbot-api ca19b95's body (clients
 * may check it to recognise the API). Aviary's own version is in {@code /openapi.json}'s info.
 */
@RestController
class RootController {

    /** Field order is the wire order: {@code {"name":..,"version":..,"status":..}}. */
    record RootInfo(String name, String version, String status) {
    }

    private static final RootInfo ROOT = new RootInfo("Backend API", "0.2.0", "running");

    @GetMapping("/")
    RootInfo root() {
        return ROOT;
    }
}
