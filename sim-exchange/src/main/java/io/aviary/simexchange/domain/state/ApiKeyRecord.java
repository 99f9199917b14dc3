package io.aviary.simexchange.domain.state;

/** An API key and the accounts it opens (the same id on the spot and the perpetual venue). */
public record ApiKeyRecord(String apiKey, String apiSecret, String label, long accountId, long createdAt) {

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "ApiKeyRecord[apiKey=" + apiKey + ", label=" + label + ", accountId=" + accountId + "]";
    }
}
