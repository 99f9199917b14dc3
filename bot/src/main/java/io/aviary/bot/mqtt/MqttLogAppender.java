package io.aviary.bot.mqtt;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.LoggerFactory;

/**
 * Forwards log records to {@code P/log} as Hummingbot's {@code LogMessage} ({@code timestamp} seconds, {@code msg},
 * {@code level_no}/{@code level_name} in Python's terms, {@code logger_name}).
 *
 * <p>Logging must never block or loop: records go into a bounded queue (overflow is dropped and counted) drained by
 * one daemon thread; records logged <i>by</i> that thread (a publish failure) and Paho's own loggers are not
 * forwarded, so publishing a log line can never produce another one.
 */
public final class MqttLogAppender extends AppenderBase<ILoggingEvent> {

  static final int QUEUE_CAPACITY = 1_000;
  private static final int MAX_MSG_CHARS = 16_000;

  private final BotMqttBridge bridge;
  private final BlockingQueue<Map<String, Object>> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
  private final AtomicLong dropped = new AtomicLong();
  private volatile Thread drainer;

  public MqttLogAppender(BotMqttBridge bridge) {
    this.bridge = bridge;
    setName("MQTT");
  }

  /**
   * Attaches a started appender to the root logger (Hummingbot forwards {@code root}) when {@code mqtt_logger} is on;
   * {@code null} otherwise. Call {@link #detach()} before closing the bridge.
   */
  public static MqttLogAppender install(BotMqttBridge bridge, Level threshold) {
    if (!bridge.logForwardingEnabled() || !(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return null;
    }
    MqttLogAppender appender = new MqttLogAppender(bridge);
    appender.setContext(context);
    ch.qos.logback.classic.filter.ThresholdFilter filter = new ch.qos.logback.classic.filter.ThresholdFilter();
    filter.setLevel(threshold.levelStr);
    filter.start();
    appender.addFilter(filter);
    appender.start();
    context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
    return appender;
  }

  public void detach() {
    if (getContext() instanceof LoggerContext context) {
      context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(this);
    }
    stop();
  }

  /** Records dropped because the queue was full. */
  public long droppedRecords() {
    return dropped.get();
  }

  @Override
  public void start() {
    Thread t = new Thread(this::drain, "mqtt-log-forwarder");
    t.setDaemon(true);
    drainer = t;
    super.start();
    t.start();
  }

  @Override
  public void stop() {
    super.stop();
    Thread t = drainer;
    if (t != null) {
      t.interrupt();
    }
  }

  @Override
  protected void append(ILoggingEvent event) {
    if (Thread.currentThread() == drainer || event.getLoggerName().startsWith("org.eclipse.paho")) {
      return;
    }
    if (!queue.offer(logMessage(event))) {
      dropped.incrementAndGet();
    }
  }

  private void drain() {
    while (isStarted()) {
      try {
        Map<String, Object> message = queue.poll(1, TimeUnit.SECONDS);
        if (message != null) {
          bridge.publishLog(message);
        }
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        // a malformed record must not end forwarding; the failure is not logged (it would come back here)
        dropped.incrementAndGet();
      }
    }
  }

  static Map<String, Object> logMessage(ILoggingEvent event) {
    String msg = event.getFormattedMessage();
    IThrowableProxy thrown = event.getThrowableProxy();
    if (thrown != null) {
      msg = msg + "\n" + ThrowableProxyUtil.asString(thrown); // Python's logging appends the traceback
    }
    if (msg.length() > MAX_MSG_CHARS) {
      msg = msg.substring(0, MAX_MSG_CHARS - 3) + "...";
    }
    double seconds = event.getInstant().getEpochSecond() + event.getInstant().getNano() / 1e9;
    return TelemetryPayloads.log(seconds, msg, pythonLevelNo(event.getLevel()), pythonLevelName(event.getLevel()),
        event.getLoggerName());
  }

  /** Python's logging levels: DEBUG 10, INFO 20, WARNING 30, ERROR 40 (TRACE → 5, below DEBUG). */
  static int pythonLevelNo(Level level) {
    return switch (level.toInt()) {
      case Level.ERROR_INT -> 40;
      case Level.WARN_INT -> 30;
      case Level.INFO_INT -> 20;
      case Level.DEBUG_INT -> 10;
      default -> 5;
    };
  }

  static String pythonLevelName(Level level) {
    return switch (level.toInt()) {
      case Level.ERROR_INT -> "ERROR";
      case Level.WARN_INT -> "WARNING";
      case Level.INFO_INT -> "INFO";
      case Level.DEBUG_INT -> "DEBUG";
      default -> "TRACE";
    };
  }
}
