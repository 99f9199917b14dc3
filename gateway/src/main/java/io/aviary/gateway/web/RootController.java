package io.aviary.gateway.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /}: the unauthenticated liveness answer, shaped like hummingbot-api's root. */
@RestController
class RootController {

    /** Field order is the wire order: {@code {"name":..,"version":..,"status":..}}. */
    record RootInfo(String name, String version, String status) {
    }

    private final RootInfo info;

    RootController(@Value("${aviary.version}") String version) {
        this.info = new RootInfo("Aviary", version, "running");
    }

    @GetMapping("/")
    RootInfo root() {
        return info;
    }
}
