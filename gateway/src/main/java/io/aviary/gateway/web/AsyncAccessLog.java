package io.aviary.gateway.web;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Writes the access line ({@link RequestIdFilter#ACCESS_LOGGER}) through a bounded {@link AsyncAppender} in front of
 * each appender the root logger has, so formatting and the write to stdout happen on Logback's worker thread, not on
 * the Netty event loop that serves the request (it was ~5 % of the gateway's CPU per request, issue 16).
 *
 * <p>The appenders wrapped are the ones Spring Boot configured (its {@code CONSOLE}, and {@code FILE} when
 * {@code logging.file.name} is set), so the line's text is unchanged and {@code LOGGING_STRUCTURED_FORMAT_CONSOLE}
 * (JSON lines, ADR 0029) applies to it as to every other line; MDC (the request id) is captured when the line is
 * logged. A full queue blocks the request thread rather than dropping lines ({@code discardingThreshold 0},
 * {@code neverBlock false}): an access line is an audit record, and with stdout stalled the synchronous appender blocked
 * just the same. {@value #QUEUE_SIZE} lines are a few seconds of the gateway's peak rate. Left alone when Logback is
 * not the backend or the access logger was configured otherwise (its own appenders, additivity off).
 */
public final class AsyncAccessLog implements SmartInitializingSingleton, DisposableBean {

    static final int QUEUE_SIZE = 8192;
    static final String NAME_PREFIX = "ASYNC_ACCESS_";

    private final List<AsyncAppender> installed = new ArrayList<>();
    private Logger access;

    @Override
    public void afterSingletonsInstantiated() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        Logger logger = context.getLogger(RequestIdFilter.ACCESS_LOGGER);
        if (!logger.isAdditive() || logger.iteratorForAppenders().hasNext()) {
            return;
        }
        for (Iterator<Appender<ILoggingEvent>> it = context.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders();
                it.hasNext(); ) {
            installed.add(asyncFor(context, it.next()));
        }
        if (installed.isEmpty()) {
            return;
        }
        installed.forEach(logger::addAppender);
        logger.setAdditive(false);
        access = logger;
    }

    private static AsyncAppender asyncFor(LoggerContext context, Appender<ILoggingEvent> target) {
        AsyncAppender async = new AsyncAppender();
        async.setContext(context);
        async.setName(NAME_PREFIX + target.getName());
        async.setQueueSize(QUEUE_SIZE);
        async.setDiscardingThreshold(0);
        async.setNeverBlock(false);
        async.setIncludeCallerData(false);
        async.addAppender(target);
        async.start();
        return async;
    }

    /** Back to the synchronous path, with every queued line written first. */
    @Override
    public void destroy() {
        if (access != null) {
            access.setAdditive(true);
            installed.forEach(async -> {
                access.detachAppender(async);
                async.stop();
            });
        }
        installed.clear();
        access = null;
    }
}
