package io.aviary.accounts.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aviary.connectors.catalog.ConnectorCatalog;
import io.aviary.connectors.catalog.ConnectorSpec;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CredentialFormTest {

    private final ConnectorSpec sim = ConnectorCatalog.standard().find("sim").orElseThrow();

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
}
