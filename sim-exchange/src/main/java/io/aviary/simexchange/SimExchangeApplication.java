package io.aviary.simexchange;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The simulated exchange venue: a standalone process that the {@code sim} and {@code sim_perpetual}
 * connectors reach over HTTP and WebSocket, like a real exchange. See {@code API.md}.
 */
@SpringBootApplication
public class SimExchangeApplication {

    public static void main(String[] args) {
        SpringApplication.run(SimExchangeApplication.class, args);
    }
}
