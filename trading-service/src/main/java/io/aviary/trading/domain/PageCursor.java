package io.aviary.trading.domain;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * An opaque keyset cursor: the sort key of the last item of a page, so the next page starts exactly
 * after it whatever was inserted meanwhile (no gaps, no duplicates). Encoded as base64url of the
 * key parts; a cursor that does not decode to the expected number of parts is rejected.
 */
public record PageCursor(List<String> parts) {

    private static final char SEPARATOR = '\u001f';

    public PageCursor {
        parts = List.copyOf(parts);
    }

    public static PageCursor of(String... parts) {
        return new PageCursor(List.of(parts));
    }

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(String.join(String.valueOf(SEPARATOR), parts).getBytes(StandardCharsets.UTF_8));
    }

    /** @throws IllegalArgumentException when {@code cursor} is not one this service handed out for this list */
    public static PageCursor decode(String cursor, int expectedParts) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            List<String> parts = List.of(text.split(String.valueOf(SEPARATOR), -1));
            if (parts.size() != expectedParts) {
                throw new IllegalArgumentException("wrong number of parts");
            }
            return new PageCursor(parts);
        } catch (IllegalArgumentException e) {
            throw new InvalidCursor(cursor);
        }
    }

    /** A cursor this list did not hand out (garbled, or from another list). */
    public static final class InvalidCursor extends IllegalArgumentException {
        public InvalidCursor(String cursor) {
            super("Invalid cursor '" + cursor
                    + "': pass the next_cursor of the previous page of this same list, or no cursor for the first page");
        }
    }

    public String part(int index) {
        return parts.get(index);
    }
}
