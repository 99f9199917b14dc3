package io.aviary.accounts.api;

import io.aviary.accounts.app.AccountsService;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The vault's internal API for trading-service: which credentials exist, and the unsealed fields of
 * one. Reachable only with the internal token (the kit's filter guards every path) and never
 * routed by the gateway, whose routes are the public prefixes only. Hidden from the OpenAPI document.
 */
@Hidden
@RestController
@RequestMapping("/internal/credentials")
public class InternalCredentialsController {

    private final AccountsService accounts;

    public InternalCredentialsController(AccountsService accounts) {
        this.accounts = accounts;
    }

    @GetMapping
    public ResponseEntity<List<Map<String, String>>> list() {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(accounts.credentialKeys());
    }

    @GetMapping("/{account_name}/{connector_name}")
    public ResponseEntity<Map<String, Object>> read(@PathVariable("account_name") String account,
            @PathVariable("connector_name") String connector,
            @RequestHeader(value = "User-Agent", required = false) String caller) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("account_name", account);
        body.put("connector_name", connector);
        body.put("fields", accounts.unsealedCredential(account, connector, caller == null ? "unknown" : caller));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
    }
}
