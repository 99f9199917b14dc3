package io.aviary.accounts.api;

import io.aviary.accounts.app.AccountsService;
import io.aviary.kit.web.ErrorBody.ValidationError;
import io.aviary.kit.web.RequestValidationException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The six {@code /accounts} endpoints of the Hummingbot API contract (api-catalog §1.2). */
@RestController
@RequestMapping("/accounts")
@Tag(name = "Accounts", description = "Accounts and their encrypted exchange credentials")
public class AccountsController {

    private final AccountsService accounts;
    private final JsonMapper json;

    public AccountsController(AccountsService accounts, JsonMapper json) {
        this.accounts = accounts;
        this.json = json;
    }

    @GetMapping({"", "/"})
    @Operation(summary = "List account names")
    public List<String> listAccounts() {
        return accounts.listAccounts();
    }

    @GetMapping("/{account_name}/credentials")
    @Operation(summary = "List the connectors an account has credentials for")
    public List<String> listCredentials(@PathVariable("account_name") String accountName) {
        return accounts.listCredentials(accountName);
    }

    @PostMapping("/add-account")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create an account")
    public MessageResponse addAccount(@RequestParam("account_name") String accountName) {
        accounts.addAccount(accountName);
        return new MessageResponse("Account added successfully.");
    }

    @PostMapping("/delete-account")
    @Operation(summary = "Delete an account and all its credentials (not master_account)")
    public MessageResponse deleteAccount(@RequestParam("account_name") String accountName) {
        accounts.deleteAccount(accountName);
        return new MessageResponse("Account deleted successfully.");
    }

    @PostMapping("/delete-credential/{account_name}/{connector_name}")
    @Operation(summary = "Delete an account's credential for a connector")
    public MessageResponse deleteCredential(@PathVariable("account_name") String accountName,
            @PathVariable("connector_name") String connectorName) {
        accounts.deleteCredential(accountName, connectorName);
        return new MessageResponse("Credential deleted successfully.");
    }

    @PostMapping(value = "/add-credential/{account_name}/{connector_name}", consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Store (encrypted) a connector credential; fields per GET /connectors/{connector}/config-map")
    public MessageResponse addCredential(@PathVariable("account_name") String accountName,
            @PathVariable("connector_name") String connectorName, @RequestBody JsonNode body) {
        accounts.addCredential(accountName, connectorName, fields(body));
        return new MessageResponse("Connector credentials added successfully.");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> fields(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new RequestValidationException(
                    new ValidationError("dict_type", List.of("body"), "Input should be a valid dictionary"));
        }
        return json.treeToValue(body, Map.class);
    }
}
