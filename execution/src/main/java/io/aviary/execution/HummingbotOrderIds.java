package io.aviary.execution;

import io.aviary.connectors.model.TradeType;
import io.aviary.connectors.model.TradingPair;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Client order ids the way Hummingbot's {@code get_new_client_order_id} makes them (hummingbot-internals §6):
 * {@code prefix + B|S + base[0] base[-1] quote[0] quote[-1] + hex(nonce) + md5(host, pid)}, cut to the venue's
 * maximum length. The nonce is a strictly increasing microsecond count, so ids stay unique across restarts of the
 * bot on one host, and a retried placement reuses its id (the venue then answers the existing order).
 */
public final class HummingbotOrderIds {

  /** Hummingbot's usual cap (Binance's 32 characters); the sim venue takes up to 64. */
  public static final int DEFAULT_MAX_LENGTH = 32;

  private final String prefix;
  private final int maxLength;
  private final String instanceHash;
  private final AtomicLong lastNonce = new AtomicLong();

  public HummingbotOrderIds(String prefix, int maxLength) {
    this.prefix = prefix == null ? "" : prefix;
    this.maxLength = maxLength;
    this.instanceHash = md5(hostName() + ProcessHandle.current().pid());
  }

  public String next(TradeType side, TradingPair pair) {
    String base = pair.base().toUpperCase();
    String quote = pair.quote().toUpperCase();
    String id = prefix + (side == TradeType.BUY ? "B" : "S") + base.charAt(0) + base.charAt(base.length() - 1)
        + quote.charAt(0) + quote.charAt(quote.length() - 1) + Long.toHexString(nonce()) + instanceHash;
    return id.length() > maxLength ? id.substring(0, maxLength) : id;
  }

  /** Microseconds since the epoch, bumped by one when two ids are asked for within the same microsecond. */
  private long nonce() {
    long micros = System.currentTimeMillis() * 1000 + (System.nanoTime() / 1000) % 1000;
    return lastNonce.updateAndGet(last -> Math.max(last + 1, micros));
  }

  private static String hostName() {
    String host = System.getenv("HOSTNAME");
    return host == null ? "localhost" : host;
  }

  private static String md5(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
