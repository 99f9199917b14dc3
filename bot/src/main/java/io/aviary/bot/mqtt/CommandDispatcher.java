package io.aviary.bot.mqtt;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Runs RPC requests off the MQTT callback thread (Hummingbot runs them in a thread-pool executor too) and publishes
 * the reply envelope on {@code header.reply_to}. Rules of internals §1.4, with one deliberate difference (ADR 0014):
 * a request that fails validation gets a 400 reply when it has a {@code reply_to}, where Hummingbot only logs.
 */
final class CommandDispatcher implements AutoCloseable {

  /** Replies never echo unbounded input: exception messages are cut here. */
  static final int MAX_MESSAGE_CHARS = 300;

  private static final Logger log = LoggerFactory.getLogger(CommandDispatcher.class);
  private static final int WORKERS = 4;
  private static final int QUEUE_CAPACITY = 32;

  /** Publishes one reply (QoS 1, not retained) on a topic. */
  @FunctionalInterface
  interface ReplyPublisher {
    void publish(String topic, byte[] payload);
  }

  private final BotCommands commands;
  private final Duration timeout;
  private final ReplyPublisher publisher;
  private final ExecutorService pool;

  CommandDispatcher(BotCommands commands, Duration timeout, ReplyPublisher publisher) {
    this.commands = commands;
    this.timeout = timeout;
    this.publisher = publisher;
    AtomicInteger n = new AtomicInteger();
    this.pool = new ThreadPoolExecutor(WORKERS, WORKERS, 30, TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(QUEUE_CAPACITY), r -> {
          Thread t = new Thread(r, "mqtt-command-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
  }

  /** Runs {@code task} on the command pool (also used for external events); false when the pool is full. */
  boolean submit(Runnable task) {
    try {
      pool.execute(task);
      return true;
    } catch (RejectedExecutionException e) {
      return false;
    }
  }

  /** Called on the MQTT callback thread: parse, then hand the request to the pool. */
  void dispatch(CommandRoute<?> route, byte[] payload) {
    JsonNode envelope = WireJson.parse(payload);
    if (envelope == null || !envelope.isObject()) {
      log.warn("Dropped a non-JSON {} request ({} bytes)", route.name(), payload.length);
      return;
    }
    String replyTo = replyTo(envelope);
    CompletableFuture<CommandResponse> answer;
    try {
      answer = CompletableFuture.supplyAsync(() -> route.invoke(commands, new RequestFields(envelope.get("data"))),
          pool);
    } catch (RejectedExecutionException e) {
      log.warn("Refused a {} request: {} commands already waiting", route.name(), QUEUE_CAPACITY);
      reply(replyTo, route.failure().apply("bot busy: too many commands in flight"));
      return;
    }
    // the handler runs on the pool; composing and publishing the reply is non-blocking (Paho's async publish), so it
    // may run on whichever thread completes the future, the callback thread included when the request was invalid
    answer.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
        .handle((response, error) -> error == null ? response : failure(route, error))
        .thenAccept(response -> reply(replyTo, response));
  }

  private static String replyTo(JsonNode envelope) {
    JsonNode header = envelope.get("header");
    JsonNode replyTo = header == null ? null : header.get("reply_to");
    return replyTo == null || !replyTo.isString() ? "" : replyTo.asString();
  }

  private static CommandResponse failure(CommandRoute<?> route, Throwable error) {
    Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    String msg = switch (cause) {
      case InvalidRequestException e -> {
        log.warn("Invalid {} request: {}", route.name(), e.getMessage());
        yield "Invalid request: " + e.getMessage();
      }
      case TimeoutException e -> {
        log.warn("{} command timed out after the command timeout", route.name());
        yield route.name() + " command timed out";
      }
      default -> {
        log.warn("{} command failed", route.name(), cause);
        yield cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
      }
    };
    return route.failure().apply(bounded(msg));
  }

  static String bounded(String msg) {
    return msg.length() <= MAX_MESSAGE_CHARS ? msg : msg.substring(0, MAX_MESSAGE_CHARS - 3) + "...";
  }

  private void reply(String replyTo, CommandResponse response) {
    if (replyTo.isEmpty()) {
      return; // Hummingbot answers only when the request names a reply topic
    }
    Map<String, Object> data = response.toData();
    publisher.publish(replyTo, WireJson.toBytes(TelemetryPayloads.reply(System.currentTimeMillis(), data)));
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
