package io.aviary.connectors.venues.support;

import io.aviary.connectors.port.VenueException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * One venue's error classification as a table: which of its codes, messages and HTTP statuses mean a rate
 * limit, a refused key, an unknown thing or an outage. Kinds are tried in that order (the order every venue
 * adapter used by hand); a failure no rule claims is a {@link VenueException.Rejected}.
 */
public final class ErrorRules {

    /** The failure kinds a table can name, in the order they are tried. */
    public enum Kind {
        RATE_LIMITED, AUTHENTICATION, NOT_FOUND, UNAVAILABLE
    }

    /** What the venue answered: the HTTP result, its own error code (null when none) and message. */
    public record Failure(HttpResult result, String code, String message) {

        public int status() {
            return result.status();
        }
    }

    private final Map<Kind, List<Predicate<Failure>>> rules = new EnumMap<>(Kind.class);

    private ErrorRules() {
    }

    public static ErrorRules of() {
        return new ErrorRules();
    }

    public ErrorRules when(Kind kind, Predicate<Failure> rule) {
        rules.computeIfAbsent(kind, k -> new ArrayList<>()).add(rule);
        return this;
    }

    public ErrorRules codes(Kind kind, Set<String> codes) {
        return when(kind, f -> f.code() != null && codes.contains(f.code()));
    }

    public ErrorRules statuses(Kind kind, Integer... statuses) {
        Set<Integer> set = Set.of(statuses);
        return when(kind, f -> set.contains(f.status()));
    }

    /** Every status from {@code min} up (5xx: {@code statusesFrom(UNAVAILABLE, 500)}). */
    public ErrorRules statusesFrom(Kind kind, int min) {
        return when(kind, f -> f.status() >= min);
    }

    /** The message contains one of {@code parts}, case as given. */
    public ErrorRules messageContains(Kind kind, String... parts) {
        return when(kind, f -> f.message() != null && Arrays.stream(parts).anyMatch(f.message()::contains));
    }

    /** The message contains one of {@code parts} (lower case), whatever the message's case. */
    public ErrorRules messageContainsAnyCase(Kind kind, String... parts) {
        return when(kind, f -> f.message() != null
                && Arrays.stream(parts).anyMatch(f.message().toLowerCase(Locale.ROOT)::contains));
    }

    public ErrorRules messageStartsWith(Kind kind, String... prefixes) {
        return when(kind, f -> f.message() != null && Arrays.stream(prefixes).anyMatch(f.message()::startsWith));
    }

    /** The first kind whose rules claim {@code failure}. */
    public Optional<Kind> kindOf(Failure failure) {
        for (Kind kind : Kind.values()) {
            if (rules.getOrDefault(kind, List.of()).stream().anyMatch(rule -> rule.test(failure))) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /** The exception of the kind the table names, empty when no rule claims the failure. */
    public Optional<VenueException> classify(String connector, Failure failure, String text) {
        return kindOf(failure).map(kind -> switch (kind) {
            case RATE_LIMITED -> new VenueException.RateLimited(connector, text, failure.result().retryAfterMillis());
            case AUTHENTICATION -> new VenueException.AuthenticationFailed(connector, text);
            case NOT_FOUND -> new VenueException.NotFound(connector, text);
            case UNAVAILABLE -> new VenueException.Unavailable(connector, text, null);
        });
    }

    /** The classified exception, {@link VenueException.Rejected} where no rule claims the failure. */
    public VenueException toException(String connector, Failure failure, String text) {
        return classify(connector, failure, text).orElseGet(() -> new VenueException.Rejected(connector, text));
    }

    /** The usual text of a venue failure: its code, then its message cut to 300 characters. */
    public static String text(String code, String message) {
        return (code == null ? "" : code + " ") + (message == null ? "" : Json.abbreviate(message, 300));
    }
}
