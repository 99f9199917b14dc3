package io.aviary.bot.runtime;

import io.aviary.strategy.executor.ExecutorConfig;
import io.aviary.strategy.executor.ExecutorSupervisor;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/** Executor ids as Hummingbot makes them: {@code base58(sha256(f"{timestamp}-{randint(0, 99999)}"))}. */
final class ExecutorIds implements ExecutorSupervisor.ExecutorIds {
  private static final String ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
  private static final BigInteger BASE = BigInteger.valueOf(58);
  private final SecureRandom random = new SecureRandom();

  @Override
  public String next(ExecutorConfig config, int sequence) {
    String seed = config.timestamp() + "-" + random.nextInt(100_000) + "-" + sequence;
    return base58(sha256(seed));
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String base58(byte[] bytes) {
    StringBuilder out = new StringBuilder();
    BigInteger value = new BigInteger(1, bytes);
    while (value.signum() > 0) {
      BigInteger[] qr = value.divideAndRemainder(BASE);
      out.append(ALPHABET.charAt(qr[1].intValue()));
      value = qr[0];
    }
    for (int i = 0; i < bytes.length && bytes[i] == 0; i++) {
      out.append('1');
    }
    return out.reverse().toString();
  }
}
