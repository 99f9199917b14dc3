package io.aviary.accounts.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aviary.connectors.catalog.ConnectorSpec;
import io.aviary.connectors.model.OrderType;
import io.aviary.connectors.registry.StandardConnectors;
import io.aviary.connectors.venues.VenueSettings;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CredentialFormTest {

    private final ConnectorSpec sim = StandardConnectors.registry(URI.create("http://localhost:8200"), VenueSettings.defaults())
            .catalog().find("sim").orElseThrow();
    /** Shaped like the paper-trading connectors: no config fields at all. */
    private final ConnectorSpec paper = new ConnectorSpec("sim_paper_trade", List.of(), Set.of(), Set.of(OrderType.LIMIT), false);

    @Test
    void acceptsExactlyTheConfigMapFields() {
        assertThat(CredentialForm.validate(sim, Map.of("sim_api_key", "k", "sim_api_secret", "s")))
                .containsExactly(Map.entry("sim_api_key", "k"), Map.entry("sim_api_secret", "s"));
    }

    @Test
    void namesMissingUnknownAndNonTextFieldsButNeverValues() {
        Map<String, Object> submitted = new HashMap<>();
        submitted.put("sim_api_key", 12345);
        submitted.put("sim_api_secret", " ");
        submitted.put("passphrase", "TOP-SECRET-VALUE");
        assertThatThrownBy(() -> CredentialForm.validate(sim, submitted))
                .hasMessageContaining("unknown fields [passphrase]")
                .hasMessageContaining("missing fields [sim_api_secret]")
                .hasMessageContaining("fields must be strings: [sim_api_key]")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("TOP-SECRET-VALUE").doesNotContain("12345"));
    }

    @Test
    void aConnectorWithoutConfigFieldsTakesTheEmptyObjectAndNothingElse() {
        assertThat(CredentialForm.validate(paper, Map.of())).isEmpty();
        assertThatThrownBy(() -> CredentialForm.validate(paper, Map.of("api_key", "k")))
                .hasMessageContaining("unknown fields [api_key] (expected [])");
    }
}
