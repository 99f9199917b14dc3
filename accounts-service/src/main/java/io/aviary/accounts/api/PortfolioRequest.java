package io.aviary.accounts.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.aviary.accounts.domain.portfolio.HistoryQuery;
import io.aviary.accounts.domain.portfolio.PortfolioFilter;
import io.aviary.kit.web.ApiException;
import io.aviary.kit.web.ErrorBody.ValidationError;
import io.aviary.kit.web.RequestValidationException;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * What a portfolio request asks for, from either shape: the query parameters of ca19b95's GET
 * routes or the JSON body the v1.0.2 client POSTs ({@code account_names}, {@code connector_names},
 * {@code limit}, {@code cursor}, {@code start_time}, {@code end_time}; other keys such as HEAD's
 * {@code interval} or {@code refresh} are ignored).
 *
 * @param origin "query" or "body": where a 422 says the bad field was
 */
record PortfolioRequest(String origin, List<String> accountNames, List<String> connectorNames, Integer limit,
        String cursor, String startTime, String endTime) {

    static final int DEFAULT_LIMIT = 100;

    /** The POST body; every field optional. Times may be numbers (epoch) or ISO strings. */
    record Body(@JsonProperty("account_names") List<String> accountNames,
            @JsonProperty("connector_names") List<String> connectorNames, Integer limit, String cursor,
            @JsonProperty("start_time") JsonNode startTime, @JsonProperty("end_time") JsonNode endTime) {

        PortfolioRequest request() {
            return new PortfolioRequest("body", accountNames, connectorNames, limit, cursor, text(startTime), text(endTime));
        }

        private static String text(JsonNode node) {
            return node == null || node.isNull() ? null : node.isNumber() ? node.decimalValue().toPlainString() : node.asString();
        }
    }

    static PortfolioRequest of(Body body) {
        return body == null ? new PortfolioRequest("body", null, null, null, null, null, null) : body.request();
    }

    PortfolioFilter filter() {
        return PortfolioFilter.of(accountNames, connectorNames);
    }

    HistoryQuery history() {
        int pageSize = limit == null ? DEFAULT_LIMIT : limit;
        if (pageSize < 1 || pageSize > HistoryQuery.MAX_LIMIT) {
            throw new RequestValidationException(new ValidationError(
                    pageSize < 1 ? "greater_than_equal" : "less_than_equal", List.of(origin, "limit"),
                    pageSize < 1 ? "Input should be greater than or equal to 1"
                            : "Input should be less than or equal to " + HistoryQuery.MAX_LIMIT));
        }
        Instant start = TimeParam.parse(startTime, List.of(origin, "start_time"));
        Instant end = TimeParam.parse(endTime, List.of(origin, "end_time"));
        if (start != null && end != null && start.isAfter(end)) {
            throw ApiException.badRequest("start_time must not be after end_time");
        }
        return new HistoryQuery(filter(), pageSize, cursorTime(), start, end);
    }

    private Instant cursorTime() {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            return TimeParam.read(cursor.trim());
        } catch (RuntimeException e) {
            throw ApiException.badRequest("Invalid cursor '" + printable(cursor)
                    + "': pass the next_cursor of the previous page (an ISO-8601 timestamp)");
        }
    }

    /** Echoes a bad cursor back safely: short, printable characters only. */
    private static String printable(String text) {
        String cleaned = text.replaceAll("[^\\x20-\\x7E]", "?");
        return cleaned.length() > 64 ? cleaned.substring(0, 64) + "…" : cleaned;
    }

    PortfolioResponses.Filters echo(HistoryQuery query) {
        return new PortfolioResponses.Filters(accountNames, connectorNames,
                query.start() == null ? null : TimeParam.format(query.start()),
                query.end() == null ? null : TimeParam.format(query.end()));
    }
}
