package io.aviary.trading.api;

import io.aviary.kit.web.ApiException;
import io.aviary.kit.web.JsonBody;
import io.aviary.trading.domain.ListQuery;
import io.aviary.trading.domain.PageCursor;
import java.time.Instant;
import java.util.List;

/** Reads the pagination and filter fields every trading list accepts (api-catalog §1.0 scheme 1, §1.5). */
final class ListRequests {

    private ListRequests() {
    }

    /**
     * @param cursorParts how many parts this list's cursor has
     * @param pairs       the list's trading-pair filter, already read (some lists take one, some several)
     */
    static ListQuery query(JsonBody body, int cursorParts, List<String> pairs) {
        int limit = body.optionalInt("limit", 100, 1, 1000);
        String cursor = body.optionalString("cursor");
        List<String> accounts = body.stringList("account_names");
        List<String> connectors = body.stringList("connector_names");
        Long startMs = body.optionalLong("start_time");
        Long endMs = body.optionalLong("end_time");
        body.validate();
        if (startMs != null && endMs != null && startMs > endMs) {
            throw ApiException.badRequest("start_time must not be after end_time (both are Unix epoch milliseconds)");
        }
        PageCursor decoded;
        try {
            decoded = cursor == null || cursor.isEmpty() ? null : PageCursor.decode(cursor, cursorParts);
        } catch (PageCursor.InvalidCursor e) {
            throw ApiException.badRequest(e.getMessage());
        }
        return new ListQuery(accounts, connectors, pairs, instant(startMs), instant(endMs), limit, decoded);
    }

    private static Instant instant(Long epochMillis) {
        return epochMillis == null ? null : Instant.ofEpochMilli(epochMillis);
    }
}
