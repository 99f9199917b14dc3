package io.aviary.simexchange.app;

import io.aviary.simexchange.domain.event.BalanceSnapshot;
import io.aviary.simexchange.domain.event.VenueEvent;
import io.aviary.simexchange.domain.model.VenueKind;
import io.aviary.simexchange.domain.state.ApiKeyRecord;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * API keys and request signing. A key opens one spot and one perpetual account with the configured
 * starting balances. A private request carries the key, a millisecond timestamp, and
 * {@code hex(HMAC-SHA256(secret, timestamp + METHOD + path + ["?" + query] + body))}; timestamps
 * further than the configured skew from the venue clock are refused so captured requests go stale.
 */
public final class ApiKeyService {

    public record CreatedKey(String apiKey, String apiSecret, String label, long accountId,
            List<BalanceSnapshot> spotBalances, List<BalanceSnapshot> perpBalances) {
        @Override
        public String toString() {
            return "CreatedKey[apiKey=" + apiKey + ", accountId=" + accountId + "]";
        }
    }

    private static final HexFormat HEX = HexFormat.of();

    private final VenueCore core;
    private final Map<String, ApiKeyRecord> keys = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private Journal journal = Journal.NONE;
    private long nextAccountId = 1;

    public ApiKeyService(VenueCore core) {
        this.core = core;
    }

    public void setJournal(Journal journal) {
        this.journal = journal;
    }

    public synchronized CreatedKey create(String label) {
        String apiKey = "simk_" + HEX.formatHex(bytes(16));
        String secret = HEX.formatHex(bytes(32));
        ApiKeyRecord record = new ApiKeyRecord(apiKey, secret, label == null ? "" : label, nextAccountId++, core.now());
        journal.record(List.of(record));
        keys.put(apiKey, record);
        openAccounts(record);
        return new CreatedKey(apiKey, secret, record.label(), record.accountId(),
                core.query(VenueKind.SPOT, l -> l.spotLedger().account(record.accountId()).balances()),
                core.query(VenueKind.PERPETUAL, l -> List.of(
                        l.perpLedger().account(record.accountId()).balance(l.perpLedger().collateral()))));
    }

    /** Re-registers journaled keys, opening any account a crash left unopened. */
    public synchronized void restore(List<ApiKeyRecord> records) {
        for (ApiKeyRecord r : records) {
            keys.put(r.apiKey(), r);
            nextAccountId = Math.max(nextAccountId, r.accountId() + 1);
            openAccounts(r);
        }
    }

    private void openAccounts(ApiKeyRecord r) {
        VenueConfig config = core.config();
        core.execute(VenueKind.SPOT, (lane, out) -> {
            if (!lane.spotLedger().hasAccount(r.accountId())) {
                Map<String, BigDecimal> start = new TreeMap<>(config.spotStartingBalances());
                lane.spotLedger().open(r.accountId(), start);
                lane.exchange().openAccount(r.accountId());
                out.add(new VenueEvent.AccountOpened(VenueKind.SPOT, r.accountId(),
                        lane.spotLedger().account(r.accountId()).balances(), core.now()));
            }
            return null;
        });
        core.execute(VenueKind.PERPETUAL, (lane, out) -> {
            if (!lane.perpLedger().hasAccount(r.accountId())) {
                lane.perpLedger().open(r.accountId(), config.perpStartingCollateral());
                lane.exchange().openAccount(r.accountId());
                out.add(new VenueEvent.AccountOpened(VenueKind.PERPETUAL, r.accountId(), List.of(
                        lane.perpLedger().account(r.accountId()).balance(config.perpCollateral())), core.now()));
            }
            return null;
        });
    }

    /**
     * Checks a signed request.
     *
     * @param payload everything signed after the timestamp: METHOD + path + ["?" + query] + body
     */
    public Principal verify(String apiKey, String timestamp, String signature, String payload) {
        if (isBlank(apiKey) || isBlank(timestamp) || isBlank(signature)) {
            throw new AuthFailure("MISSING_AUTH", "private requests need the X-SIM-APIKEY, X-SIM-TIMESTAMP and "
                    + "X-SIM-SIGNATURE headers");
        }
        long ts;
        try {
            ts = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            throw new AuthFailure("INVALID_TIMESTAMP", "X-SIM-TIMESTAMP must be epoch milliseconds");
        }
        long skew = core.config().maxClockSkew().toMillis();
        if (Math.abs(core.now() - ts) > skew) {
            throw new AuthFailure("TIMESTAMP_OUT_OF_WINDOW", "timestamp " + ts + " is more than " + skew / 1000
                    + " s away from the venue clock " + core.now());
        }
        ApiKeyRecord record = keys.get(apiKey);
        if (record == null) {
            throw new AuthFailure("INVALID_API_KEY", "unknown API key");
        }
        byte[] expected = HEX.formatHex(sign(record.apiSecret(), timestamp.trim() + payload))
                .getBytes(StandardCharsets.US_ASCII);
        byte[] given = signature.trim().toLowerCase().getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, given)) {
            throw new AuthFailure("INVALID_SIGNATURE", "signature does not match: sign timestamp + METHOD + path "
                    + "+ ['?' + query] + body with HMAC-SHA256 and the API secret, hex encoded");
        }
        return new Principal(apiKey, record.accountId());
    }

    public static byte[] sign(String secret, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
