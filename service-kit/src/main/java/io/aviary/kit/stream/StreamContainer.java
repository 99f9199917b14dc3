package io.aviary.kit.stream;

import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

/** The servlet WebSocket container every stream endpoint runs in (Tomcat's JSR 356 container). */
public final class StreamContainer {

    /** The container drops a frame bigger than this with close 1009; smaller oversize messages get an error reply. */
    public static final int HARD_MESSAGE_LIMIT = 64 * 1024;

    private StreamContainer() {
    }

    /** Text buffers that hold at least twice the stream's message limit (so {@link StreamSocket} can answer it). */
    public static ServletServerContainerFactoryBean forMessagesUpTo(int maxMessageBytes) {
        ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
        container.setMaxTextMessageBufferSize(Math.max(HARD_MESSAGE_LIMIT, maxMessageBytes * 2));
        container.setMaxBinaryMessageBufferSize(1024);
        return container;
    }
}
