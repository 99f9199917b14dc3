package io.aviary.connectors.venues;

import io.aviary.connectors.catalog.ConnectorSpec;
import io.aviary.connectors.model.OrderType;
import io.aviary.connectors.venues.resilience.ResiliencePolicy;
import io.aviary.connectors.venues.support.ApiKey;
import io.aviary.connectors.venues.support.Credentials;
import io.aviary.connectors.venues.support.IntervalCodes;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything that sets one venue apart before any request is made, in one place (the venue's own class
 * declares it): its Hummingbot name and production URL, the credential fields of its config-map (the
 * secret ones are required, in config order: key, secret, then passphrase where the venue has one), its
 * default client-side rate limit, whether Hummingbot offers a {@code _paper_trade} twin of it, and the candle
 * intervals it serves with its code for each.
 */
public record VenueProfile(String name, String productionUrl, List<String> configFields, Set<String> secretFields,
        ResiliencePolicy policy, boolean paperTwin, boolean perpetual, IntervalCodes intervals) {

    /** The order types every real venue adapter places. */
    public static final Set<OrderType> ORDER_TYPES = Set.of(OrderType.LIMIT, OrderType.MARKET, OrderType.LIMIT_MAKER);

    public VenueProfile {
        configFields = List.copyOf(configFields);
        secretFields = Set.copyOf(secretFields);
    }

    /** A spot venue whose every config field is a required secret. */
    public static VenueProfile spot(String name, String productionUrl, List<String> credentialFields,
            ResiliencePolicy policy, boolean paperTwin, IntervalCodes intervals) {
        return new VenueProfile(name, productionUrl, credentialFields, Set.copyOf(credentialFields), policy, paperTwin,
                false, intervals);
    }

    /** The production URL unless the settings point the venue elsewhere (a stub in tests). */
    public URI baseUrl(VenueSettings settings) {
        return settings.baseUrl(name, productionUrl);
    }

    public ConnectorSpec spec() {
        return new ConnectorSpec(name, configFields, secretFields, ORDER_TYPES, perpetual);
    }

    /**
     * The session's key from a config-map: the required (secret) fields in config order become key, secret
     * and passphrase; a missing one is an authentication failure naming the field.
     */
    public ApiKey apiKey(Map<String, String> credentials) {
        List<String> values = configFields.stream().filter(secretFields::contains)
                .map(field -> Credentials.required(name, credentials, field)).toList();
        return new ApiKey(values.get(0), values.get(1), values.size() > 2 ? values.get(2) : null);
    }
}
