package io.aviary.trading.domain;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * An opaque keyset cursor: the sort key of the last item of a page, so the next page starts exactly
 * after it whatever was inserted meanwhile (no gaps, no duplicates). It also carries where its chain
 * of pages stands, so that following pages need not count the whole list again: {@code totalCount},
 * counted once for the chain's first page, and {@code returned}, the items the chain's pages have
 * returned so far. Encoded as base64url of the key parts and those two numbers; a cursor that does
 * not decode to the expected number of parts is rejected.
 */
public record PageCursor(List<String> parts, long totalCount, long returned) {

    private static final char SEPARATOR = '\u001f';

    public PageCursor {
        parts = List.copyOf(parts);
        if (totalCount < 0 || returned < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
    }

    public String encode() {
        List<String> all = new ArrayList<>(parts);
        all.add(Long.toString(totalCount));
        all.add(Long.toString(returned));
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(String.join(String.valueOf(SEPARATOR), all).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param keyParts how many sort-key parts this list's cursor has
     * @throws InvalidCursor when {@code cursor} is not one this service handed out for this list
     */
    public static PageCursor decode(String cursor, int keyParts) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            List<String> all = List.of(text.split(String.valueOf(SEPARATOR), -1));
            if (all.size() != keyParts + 2) {
                throw new IllegalArgumentException("wrong number of parts");
            }
            return new PageCursor(all.subList(0, keyParts), Long.parseLong(all.get(keyParts)),
                    Long.parseLong(all.get(keyParts + 1)));
        } catch (IllegalArgumentException e) { // NumberFormatException included
            throw new InvalidCursor(cursor);
        }
    }

    /** A cursor this list did not hand out (garbled, from another list, or from before this format). */
    public static final class InvalidCursor extends IllegalArgumentException {
        public InvalidCursor(String cursor) {
            super("Invalid cursor '" + (cursor.length() > 64 ? cursor.substring(0, 64) + "…" : cursor)
                    + "': pass the next_cursor of the previous page of this same list, or no cursor for the first page");
        }
    }

    public String part(int index) {
        return parts.get(index);
    }
}
