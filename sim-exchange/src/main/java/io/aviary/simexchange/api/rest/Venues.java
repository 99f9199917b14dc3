package io.aviary.simexchange.api.rest;

import io.aviary.simexchange.domain.model.VenueKind;

/** URL segment → venue namespace. */
final class Venues {

    private Venues() {
    }

    static VenueKind kind(String path) {
        return VenueKind.fromPath(path).orElseThrow(() -> new ApiException(404, "UNKNOWN_VENUE",
                "unknown venue '" + path + "': use 'spot' or 'perp'"));
    }

    static VenueKind perpetual(String path) {
        VenueKind kind = kind(path);
        if (kind != VenueKind.PERPETUAL) {
            throw new ApiException(400, "NOT_SUPPORTED", "this endpoint exists on the perpetual venue only ('perp')");
        }
        return kind;
    }

    static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
        if (value == null) {
            throw ApiException.badRequest(field + " is required");
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(field + " must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }
}
