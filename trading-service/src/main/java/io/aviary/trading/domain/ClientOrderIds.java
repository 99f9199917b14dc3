package io.aviary.trading.domain;

import io.aviary.connectors.model.TradeType;
import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Client order ids: what a caller may supply, and the ones Aviary makes. Generated ids are 17
 * characters so they fit every venue's limit (Kraken allows 18).
 */
public final class ClientOrderIds {

    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9_-]{1,36}");
    private static final char[] ALPHABET = "0123456789abcdefghijklmnopqrstuv".toCharArray();
    private static final AtomicInteger SEQUENCE = new AtomicInteger(new SecureRandom().nextInt());

    private ClientOrderIds() {
    }

    /**
     * {@code AV}, the side, 9 characters of the time in ms (ids sort by creation) and 5 of a sequence
     * that starts at a random point: 17 characters, unique within a process, and two processes
     * collide only if their sequences meet in the same millisecond (the caller retries then).
     */
    public static String generate(TradeType side) {
        StringBuilder id = new StringBuilder(17).append("AV").append(side == TradeType.BUY ? 'B' : 'S');
        long millis = System.currentTimeMillis();
        for (int shift = 40; shift >= 0; shift -= 5) {
            id.append(ALPHABET[(int) (millis >>> shift) & 31]);
        }
        int sequence = SEQUENCE.getAndIncrement();
        for (int shift = 20; shift >= 0; shift -= 5) {
            id.append(ALPHABET[(sequence >>> shift) & 31]);
        }
        return id.toString();
    }

    /** @return null when valid, else what is wrong */
    public static String problem(String clientOrderId) {
        return ALLOWED.matcher(clientOrderId).matches() ? null
                : "client_order_id must be 1 to 36 letters, digits, '_' or '-'";
    }
}
