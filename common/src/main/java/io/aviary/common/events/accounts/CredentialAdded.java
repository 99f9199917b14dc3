package io.aviary.common.events.accounts;

import java.util.List;

/**
 * A credential for {@code connectorName} was stored (or replaced) under {@code accountName}.
 * {@code fieldNames} lists which config fields were stored — names only, never values.
 */
public record CredentialAdded(String accountName, String connectorName, List<String> fieldNames)
        implements AccountEvent {

    public CredentialAdded {
        fieldNames = List.copyOf(fieldNames);
    }
}
