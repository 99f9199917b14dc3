package io.aviary.connectors.venues;

import static org.assertj.core.api.Assertions.assertThat;

import io.aviary.connectors.model.PublicTrade;
import io.aviary.connectors.model.TradeType;
import io.aviary.connectors.model.TradingPair;
import io.aviary.connectors.port.Subscription;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * xchange-stream-binance (built on netty 4.1 APIs) running on the platform's netty 4.2.18: a local websocket
 * server speaks Binance's combined-stream format and the connector's trade subscription receives the trade.
 */
class BinanceStreamingTest {

    EventLoopGroup group;
    Channel server;
    final AtomicReference<String> requestedPath = new AtomicReference<>();

    @BeforeEach
    void startServer() throws Exception {
        group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(65536),
                                new WebSocketServerProtocolHandler("/stream", null, true, 65536, false, true),
                                new SimpleChannelInboundHandler<WebSocketFrame>() {
                                    @Override
                                    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
                                        if (evt instanceof WebSocketServerProtocolHandler.HandshakeComplete hs) {
                                            requestedPath.set(hs.requestUri());
                                            ctx.channel().eventLoop().schedule(() -> ctx.writeAndFlush(new TextWebSocketFrame(
                                                    "{\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"E\":1700000000001,"
                                                            + "\"s\":\"BTCUSDT\",\"t\":12345,\"p\":\"43250.10\",\"q\":\"0.015\",\"b\":88,"
                                                            + "\"a\":50,\"T\":1700000000000,\"m\":true,\"M\":true}}")),
                                                    200, java.util.concurrent.TimeUnit.MILLISECONDS);
                                        }
                                    }

                                    @Override
                                    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
                                        // subscriptions are in the URL; nothing to answer
                                    }
                                });
                    }
                }).bind("127.0.0.1", 0).sync().channel();
    }

    @AfterEach
    void stopServer() {
        server.close();
        group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS);
    }

    @Test
    void tradeStreamArrivesThroughXChangeStreamOnNetty42() throws Exception {
        int port = ((InetSocketAddress) server.localAddress()).getPort();
        VenueSettings settings = VenueSettings.defaults()
                .withBaseUrl("binance", URI.create("http://127.0.0.1:1"))
                .withBaseUrl("binance.ws", URI.create("ws://127.0.0.1:" + port + "/"))
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(1));
        var md = VenueConnectors.all(settings).stream().filter(f -> f.spec().name().equals("binance")).findFirst()
                .orElseThrow().marketData();
        List<PublicTrade> trades = new CopyOnWriteArrayList<>();
        try (Subscription s = md.subscribeTrades(TradingPair.parse("BTC-USDT"), trades::add)) {
            long deadline = System.currentTimeMillis() + 15_000;
            while (trades.isEmpty() && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
        }
        assertThat(java.net.URLDecoder.decode(requestedPath.get(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("/stream?streams=btcusdt@trade");
        assertThat(trades).hasSize(1);
        PublicTrade t = trades.get(0);
        assertThat(t.tradingPair()).isEqualTo(TradingPair.parse("BTC-USDT"));
        assertThat(t.tradeId()).isEqualTo("12345");
        assertThat(t.price()).isEqualByComparingTo("43250.10");
        assertThat(t.amount()).isEqualByComparingTo("0.015");
        assertThat(t.takerSide()).isEqualTo(TradeType.SELL); // buyer is maker → the taker sold
    }
}
