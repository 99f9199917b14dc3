package io.aviary.accounts.infra;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a CONFIG_PASSWORD mismatch into Boot's plain "APPLICATION FAILED TO START" report. */
class ConfigPasswordFailureAnalyzer extends AbstractFailureAnalyzer<VaultVerification.ConfigPasswordMismatchException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, VaultVerification.ConfigPasswordMismatchException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Set CONFIG_PASSWORD to the value used when the vault was first created (for the development "
                        + "launcher: the value in your .env, or the default 'a').",
                cause);
    }
}
