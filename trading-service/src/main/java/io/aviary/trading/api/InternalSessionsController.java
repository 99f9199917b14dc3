package io.aviary.trading.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.aviary.trading.app.session.BalanceChanges;
import io.aviary.trading.app.session.LiveSession;
import io.aviary.trading.app.session.SessionRegistry;
import io.swagger.v3.oas.annotations.Hidden;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The live sessions of this instance, for operators and system tests: which (account, connector)
 * pairs are open and since when. Internal (token-guarded by the kit, not routed by the gateway);
 * it names sessions only, never a credential field.
 */
@Hidden
@RestController
@RequestMapping("/internal/sessions")
public class InternalSessionsController {

    private final SessionRegistry sessions;
    private final BalanceChanges balanceChanges;

    public InternalSessionsController(SessionRegistry sessions, BalanceChanges balanceChanges) {
        this.sessions = sessions;
        this.balanceChanges = balanceChanges;
    }

    @GetMapping({"", "/"})
    public List<OpenSession> list() {
        return sessions.all().stream()
                .sorted(Comparator.comparing((LiveSession s) -> s.key().accountName()).thenComparing(s -> s.key().connectorName()))
                .map(s -> new OpenSession(s.key().accountName(), s.key().connectorName(), s.openedAt()))
                .toList();
    }

    /**
     * When each session of these accounts (all when none is named) last changed its balances: the portfolio
     * waits, bounded, until it holds balances observed at or after that instant (read-your-writes).
     */
    @GetMapping("/balance-changes")
    public List<BalanceChange> balanceChanges(
            @RequestParam(name = "account_names", required = false) List<String> accountNames) {
        return balanceChanges.of(accountNames == null ? List.of() : accountNames).entrySet().stream()
                .map(e -> new BalanceChange(e.getKey().accountName(), e.getKey().connectorName(), e.getValue()))
                .toList();
    }

    public record BalanceChange(@JsonProperty("account_name") String accountName,
            @JsonProperty("connector_name") String connectorName, @JsonProperty("changed_at") Instant changedAt) {
    }

    public record OpenSession(@JsonProperty("account_name") String accountName,
            @JsonProperty("connector_name") String connectorName, @JsonProperty("opened_at") Instant openedAt) {
    }
}
