package io.aviary.gateway.routing;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Where a route's circuit breaker sends a request it could not deliver. */
@RestController
class UnavailableFallback {

    @RequestMapping("/__unavailable/{service}")
    ResponseEntity<Map<String, String>> unavailable(@PathVariable String service) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("detail", service + " service is unavailable"));
    }
}
