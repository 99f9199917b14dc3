package io.aviary.gateway.support;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real, tiny HTTP service for the gateway to proxy to: it records every request it receives
 * (method, URI with query, headers) and answers canned JSON by path.
 *
 * <ul>
 *   <li>{@code /v3/api-docs}: a small OpenAPI document</li>
 *   <li>{@code …/missing…}: 404 {@code {"detail":"Account 'missing' not found"}}</li>
 *   <li>{@code …/invalid…}: 422 with a FastAPI-style validation body</li>
 *   <li>{@code …/broken…}: 500 {@code {"detail":"Internal Server Error"}}</li>
 *   <li>{@code …/slow…}: 200 once the test {@linkplain #releaseSlowAnswers() releases it}, or after {@link #SLOW}</li>
 *   <li>{@code …/gzip…}: 200 {@link #GZIP_JSON}, streamed (chunked), gzip'd ({@link #gzipped()}) when the request
 *       accepts gzip</li>
 *   <li>anything else: 200 {@code {"path":"<uri as received>"}}</li>
 * </ul>
 */
public final class FakeService implements AutoCloseable {

    /** The longest a slow answer is held: far beyond any gateway timeout, short enough not to leak threads for long. */
    public static final Duration SLOW = Duration.ofSeconds(30);
    public static final String API_DOCS = """
            {"openapi":"3.1.0","info":{"title":"accounts","version":"1"},
             "servers":[{"url":"http://accounts.internal:8101"}],
             "paths":{"/accounts/":{"get":{"summary":"List accounts","tags":["accounts"]}}},
             "components":{"schemas":{"AccountSummary":{"type":"object"}}}}""";
    public static final String INVALID_BODY =
            "{\"detail\":[{\"type\":\"missing\",\"loc\":[\"body\",\"account_name\"],\"msg\":\"Field required\",\"input\":null}]}";

    /** The JSON a {@code /gzip} path answers: big enough that a proxy would stream it in many chunks. */
    public static final String GZIP_JSON = "[" + String.join(",", java.util.Collections.nCopies(20_000,
            "{\"timestamp\":1700000000,\"open\":30000.5,\"close\":30001.25}")) + "]";
    private static final byte[] GZIPPED = gzip(GZIP_JSON.getBytes(StandardCharsets.UTF_8));

    /** The exact bytes the service sends for {@link #GZIP_JSON} with {@code Content-Encoding: gzip}. */
    public static byte[] gzipped() {
        return GZIPPED.clone();
    }

    private static byte[] gzip(byte[] plain) {
        var bytes = new java.io.ByteArrayOutputStream();
        try (var zip = new java.util.zip.GZIPOutputStream(bytes)) {
            zip.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** What reached the service. */
    public record Seen(String method, String uri, Headers headers) {
    }

    private final HttpServer server;
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final CountDownLatch slowRelease = new CountDownLatch(1);
    private final AtomicInteger slowAnswersSent = new AtomicInteger();

    private FakeService(HttpServer server) {
        this.server = server;
    }

    public static FakeService start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            FakeService service = new FakeService(server);
            server.createContext("/", service::handle);
            // one thread per request, so a slow answer does not hold up the others
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return service;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A local port nothing listens on: connecting to it is refused at once. */
    public static String closedPortUrl() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public Optional<Seen> lastRequestTo(String uri) {
        return seen.reversed().stream().filter(s -> s.uri().equals(uri)).findFirst();
    }

    /** Every request received so far whose URI (path and query, as received) contains {@code text}. */
    public List<Seen> requestsContaining(String text) {
        return seen.stream().filter(s -> s.uri().contains(text)).toList();
    }

    public Optional<Seen> requestWithId(String requestId) {
        return seen.stream().filter(s -> requestId.equals(s.headers().getFirst("X-Request-Id"))).findFirst();
    }

    /** Lets every held and future slow request be answered. */
    public void releaseSlowAnswers() {
        slowRelease.countDown();
    }

    /** How many slow requests this service has answered so far. */
    public int slowAnswersSent() {
        return slowAnswersSent.get();
    }

    @Override
    public void close() {
        releaseSlowAnswers();
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String uri = exchange.getRequestURI().toString();
        exchange.getRequestBody().readAllBytes();
        seen.add(new Seen(exchange.getRequestMethod(), uri, new Headers(exchange.getRequestHeaders())));
        boolean slow = uri.contains("/slow");
        if (slow) {
            awaitRelease();
        }
        if (uri.contains("/gzip")) {
            answerMaybeGzipped(exchange);
            return;
        }
        Answer answer = answerFor(uri);
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        try {
            exchange.sendResponseHeaders(answer.status(), body.length);
            exchange.getResponseBody().write(body);
        } finally {
            exchange.close();
            if (slow) {
                slowAnswersSent.incrementAndGet();
            }
        }
    }

    /** {@link #GZIP_JSON} in chunks of unknown total length, gzip'd when the request accepts it. */
    private static void answerMaybeGzipped(HttpExchange exchange) throws IOException {
        String accepted = exchange.getRequestHeaders().getFirst("Accept-Encoding");
        boolean gzip = accepted != null && accepted.contains("gzip");
        byte[] body = gzip ? GZIPPED : GZIP_JSON.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        if (gzip) {
            exchange.getResponseHeaders().add("Content-Encoding", "gzip");
        }
        try (exchange) {
            exchange.sendResponseHeaders(200, 0);
            for (int at = 0; at < body.length; at += 4096) {
                exchange.getResponseBody().write(body, at, Math.min(4096, body.length - at));
                exchange.getResponseBody().flush();
            }
        }
    }

    private void awaitRelease() {
        try {
            slowRelease.await(SLOW.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Answer(int status, String body) {
    }

    private static Answer answerFor(String uri) {
        if (uri.equals("/v3/api-docs")) {
            return new Answer(200, API_DOCS);
        }
        if (uri.contains("/missing")) {
            return new Answer(404, "{\"detail\":\"Account 'missing' not found\"}");
        }
        if (uri.contains("/invalid")) {
            return new Answer(422, INVALID_BODY);
        }
        if (uri.contains("/broken")) {
            return new Answer(500, "{\"detail\":\"Internal Server Error\"}");
        }
        return new Answer(200, "{\"path\":\"" + uri + "\"}");
    }
}
