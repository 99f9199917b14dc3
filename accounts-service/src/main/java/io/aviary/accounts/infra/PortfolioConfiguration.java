package io.aviary.accounts.infra;

import io.aviary.accounts.domain.portfolio.PriceSource;
import io.aviary.accounts.domain.portfolio.PricingRules;
import io.aviary.connectors.registry.ConnectorRegistry;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class PortfolioConfiguration {

    /** {@code BANNED_TOKENS}: comma-separated tokens left out of the portfolio (hummingbot-api's setting). */
    @Bean
    PricingRules pricingRules(@Value("${BANNED_TOKENS:}") String bannedTokens) {
        return PricingRules.fromBannedTokens(bannedTokens);
    }

    /** hummingbot-api waits 10 s; the consumer holds a transaction meanwhile, so the default here is 5 s. */
    @Bean(destroyMethod = "close")
    VenuePriceSource venuePriceSource(ConnectorRegistry registry,
            @Value("${aviary.portfolio.price-timeout:5s}") Duration priceTimeout) {
        return new VenuePriceSource(registry, new BoundedCall(priceTimeout));
    }
}
