package io.aviary.orchestration.deploy;

import java.math.BigDecimal;
import java.util.List;

/** What a client asks to deploy (api-catalog §1.6 #8/#9 with HEAD's fields, §2.2). */
public final class DeployRequests {

    private DeployRequests() {
    }

    /**
     * {@code deploy-v2-controllers}: Aviary's {@code v2_with_controllers} script running stored controller configs.
     *
     * @param image ignored by the process runtime; the Docker runtime's image
     */
    public record ControllersDeployment(String instanceName, String credentialsProfile, List<String> controllersConfig,
            BigDecimal maxGlobalDrawdownQuote, BigDecimal maxControllerDrawdownQuote, String image, boolean headless) {
    }

    /** {@code deploy-v2-script}: a script, optionally with a stored script config (and the controllers it lists). */
    public record ScriptDeployment(String instanceName, String credentialsProfile, String script, String scriptConfig,
            String image, boolean headless) {
    }

    /**
     * A bot that was deployed and started.
     *
     * @param scriptConfigFile the script config's file name in the instance ({@code SCRIPT_CONFIG}), may be null
     */
    public record Deployed(long runId, String botName, String scriptConfigFile, List<String> controllers) {
    }
}
