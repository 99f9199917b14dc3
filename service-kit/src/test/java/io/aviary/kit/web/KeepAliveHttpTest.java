package io.aviary.kit.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A keep-alive connection to a service carries any number of requests with the kit's defaults. Tomcat's own default
 * closes it after 100, so the gateway and trading-service (a credential-revision call per order) opened a new
 * connection every 100 requests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = KeepAliveHttpTest.App.class,
        properties = {
                "aviary.service.schema=unused",
                "spring.autoconfigure.exclude=io.aviary.kit.ServiceKitAutoConfiguration,"
                        + "io.aviary.kit.connectors.ConnectorsConfiguration,"
                        + "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
                        + "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration,"
                        + "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration"})
class KeepAliveHttpTest {

    private static final int REQUESTS = 150;

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
    }

    @LocalServerPort
    int port;

    @Test
    void oneConnectionCarriesMoreThanAHundredRequests() throws Exception {
        String request = "GET /actuator/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000); // a bound on a stuck read, not a timing assertion
            OutputStream out = socket.getOutputStream();
            out.write(request.repeat(REQUESTS).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answers = readAnswers(socket.getInputStream());
            assertThat(answers.split("HTTP/1.1 200", -1).length - 1).as("answers on one connection").isEqualTo(REQUESTS);
            assertThat(answers.toLowerCase()).doesNotContain("connection: close");
        }
    }

    /** Everything the server sends until it has answered every request or closes the connection. */
    private static String readAnswers(InputStream in) throws Exception {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (true) {
            int n = in.read(buffer);
            if (n < 0) {
                return received.toString(StandardCharsets.US_ASCII);
            }
            received.write(buffer, 0, n);
            String sofar = received.toString(StandardCharsets.US_ASCII);
            boolean lastComplete = sofar.endsWith("}") || sofar.endsWith("\r\n0\r\n\r\n");
            if (lastComplete && sofar.split("HTTP/1.1 ", -1).length - 1 >= REQUESTS) {
                return sofar;
            }
        }
    }
}
