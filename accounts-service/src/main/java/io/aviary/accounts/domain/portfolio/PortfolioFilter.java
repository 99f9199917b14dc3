package io.aviary.accounts.domain.portfolio;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/** Which accounts and connectors a query covers; an empty set means all of them. */
public record PortfolioFilter(Set<String> accounts, Set<String> connectors) {

    public static final PortfolioFilter ALL = new PortfolioFilter(Set.of(), Set.of());

    public PortfolioFilter {
        accounts = Set.copyOf(accounts);
        connectors = Set.copyOf(connectors);
    }

    public static PortfolioFilter of(Collection<String> accounts, Collection<String> connectors) {
        return new PortfolioFilter(accounts == null ? Set.of() : new TreeSet<>(accounts),
                connectors == null ? Set.of() : new TreeSet<>(connectors));
    }

    public boolean covers(String account, String connector) {
        return (accounts.isEmpty() || accounts.contains(account)) && (connectors.isEmpty() || connectors.contains(connector));
    }

    /** How the token distribution reports its account filter: "all_accounts" or the names, comma-separated. */
    public String accountLabel() {
        return accounts.isEmpty() ? "all_accounts" : String.join(",", new TreeSet<>(accounts));
    }
}
