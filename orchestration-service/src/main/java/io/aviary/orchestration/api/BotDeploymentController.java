package io.aviary.orchestration.api;

import io.aviary.kit.failure.NotFound;
import io.aviary.kit.web.JsonBody;
import io.aviary.orchestration.deploy.BotDeployments;
import io.aviary.orchestration.deploy.BotRun;
import io.aviary.orchestration.deploy.BotRunQueries;
import io.aviary.orchestration.deploy.BotRuns;
import io.aviary.orchestration.deploy.DeployRequests.ControllersDeployment;
import io.aviary.orchestration.deploy.DeployRequests.Deployed;
import io.aviary.orchestration.deploy.DeployRequests.ScriptDeployment;
import io.aviary.orchestration.deploy.StopAndArchiveJobs;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Deploying, archiving and the run history of bots (api-catalog §1.6 #7–#9, HEAD's bot-runs of §2.3). Failures are
 * honest statuses with {@code {"detail": …}} where hummingbot-api answered 200 with {@code success: false}.
 */
@RestController
@RequestMapping("/bot-orchestration")
@Tag(name = "Bot orchestration", description = "Deploy, stop and archive bots; their runs")
public class BotDeploymentController {

    private static final String DEFAULT_IMAGE = "hummingbot/hummingbot:latest";

    private final BotDeployments deployments;
    private final StopAndArchiveJobs archiving;
    private final BotRunQueries runs;

    public BotDeploymentController(BotDeployments deployments, StopAndArchiveJobs archiving, BotRunQueries runs) {
        this.deployments = deployments;
        this.archiving = archiving;
        this.runs = runs;
    }

    @PostMapping("/deploy-v2-controllers")
    @Operation(summary = "Deploy a bot running stored controller configs (v2_with_controllers)")
    public Map<String, Object> deployControllers(@RequestBody JsonNode node) {
        JsonBody body = JsonBody.of(node);
        String instanceName = body.requiredString("instance_name");
        String profile = body.requiredString("credentials_profile");
        List<String> controllers = body.stringList("controllers_config");
        // HEAD's *_quote names; ca19b95's names mean the same
        var maxGlobal = first(body.optionalDecimal("max_global_drawdown_quote"), body.optionalDecimal("max_global_drawdown"));
        var maxController = first(body.optionalDecimal("max_controller_drawdown_quote"),
                body.optionalDecimal("max_controller_drawdown"));
        String image = orDefault(body.optionalString("image"));
        body.validate();
        Deployed deployed = deployments.deployControllers(new ControllersDeployment(instanceName, profile, controllers,
                maxGlobal, maxController, image, node.path("headless").asBoolean(false)));
        Map<String, Object> response = deployedResponse(deployed);
        response.put("script_config_generated", deployed.scriptConfigFile());
        response.put("controllers_deployed", controllers);
        return response;
    }

    @PostMapping("/deploy-v2-script")
    @Operation(summary = "Deploy a bot running a script, with a stored script config when one is named")
    public Map<String, Object> deployScript(@RequestBody JsonNode node) {
        JsonBody body = JsonBody.of(node);
        String instanceName = body.requiredString("instance_name");
        String profile = body.requiredString("credentials_profile");
        String script = body.optionalString("script");
        String scriptConfig = body.optionalString("script_config");
        String image = orDefault(body.optionalString("image"));
        body.validate();
        return deployedResponse(deployments.deployScript(new ScriptDeployment(instanceName, profile, script,
                scriptConfig, image, node.path("headless").asBoolean(false))));
    }

    /**
     * Starts the job and answers at once; Aviary adds {@code job_id} and {@code job_url} to poll. A bot that is not
     * deployed is a 404 (hummingbot-api: 200 with {@code status: error}). A named {@code s3_bucket} or
     * {@code archive_locally=false} archives to S3 (docs/adr/0021-s3-archives.md).
     */
    @PostMapping("/stop-and-archive-bot/{bot_name}")
    @Operation(summary = "Stop a bot (MQTT, then its runtime) and archive its instance folder, as a tracked job")
    public Map<String, Object> stopAndArchive(@PathVariable("bot_name") String botName,
            @RequestParam(name = "skip_order_cancellation", defaultValue = "true") boolean skipOrderCancellation,
            @RequestParam(name = "archive_locally", defaultValue = "true") boolean archiveLocally,
            @RequestParam(name = "s3_bucket", required = false) String s3Bucket) {
        StopAndArchiveJobs.Job job = archiving.start(botName, skipOrderCancellation, archiveLocally, s3Bucket);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("input_name", job.botName());
        details.put("actual_bot_name", job.botName());
        details.put("container_name", job.botName());
        details.put("process", "stop_and_archive");
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("status", "success");
        response.put("message", "Stop and archive process started for bot " + job.botName());
        response.put("details", details);
        response.put("job_id", job.id());
        response.put("job_url", "/bot-orchestration/stop-and-archive-bot/jobs/" + job.id());
        return response;
    }

    @GetMapping("/stop-and-archive-bot/jobs/{job_id}")
    @Operation(summary = "The progress of a stop-and-archive job (Aviary addition)")
    public Map<String, Object> archiveJob(@PathVariable("job_id") String jobId) {
        StopAndArchiveJobs.Job job = archiving.job(jobId).orElseThrow(
                () -> new NotFound("Stop and archive job not found (jobs are kept until orchestration-service restarts)"));
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("job_id", job.id());
        response.put("bot_name", job.botName());
        response.put("status", job.state().name().toLowerCase(java.util.Locale.ROOT));
        response.put("step", job.step());
        response.put("archive_path", job.archivePath());
        response.put("s3_bucket", job.s3Bucket());
        response.put("error", job.error());
        response.put("started_at", job.startedAt());
        response.put("ended_at", job.endedAt());
        return response;
    }

    @GetMapping({"/bot-runs", "/bot-runs/"})
    @Operation(summary = "Bot runs, newest first, with optional filters")
    public Map<String, Object> botRuns(@RequestParam(name = "bot_name", required = false) String botName,
            @RequestParam(name = "account_name", required = false) String accountName,
            @RequestParam(name = "strategy_type", required = false) String strategyType,
            @RequestParam(name = "strategy_name", required = false) String strategyName,
            @RequestParam(name = "run_status", required = false) String runStatus,
            @RequestParam(name = "deployment_status", required = false) String deploymentStatus,
            @RequestParam(name = "limit", defaultValue = "100") int limit,
            @RequestParam(name = "offset", defaultValue = "0") int offset) {
        BotRunQueries.Page page = runs.list(new BotRuns.Filter(botName, accountName, strategyType, strategyName,
                runStatus, deploymentStatus), limit, offset);
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("status", "success");
        response.put("data", page.runs().stream().map(BotDeploymentController::run).toList());
        response.put("total", page.total());
        response.put("limit", page.limit());
        response.put("offset", page.offset());
        return response;
    }

    @GetMapping("/bot-runs/stats")
    @Operation(summary = "Counts of bot runs by status")
    public Map<String, Object> botRunStats() {
        return Map.of("status", "success", "data", runs.stats());
    }

    @GetMapping("/bot-runs/{bot_run_id}")
    @Operation(summary = "One bot run")
    public Map<String, Object> botRun(@PathVariable("bot_run_id") long id) {
        return Map.of("status", "success", "data", run(runs.get(id)));
    }

    private static Map<String, Object> deployedResponse(Deployed deployed) {
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("success", true);
        response.put("message", "Instance " + deployed.botName() + " created successfully.");
        response.put("unique_instance_name", deployed.botName());
        response.put("bot_run_id", deployed.runId());
        return response;
    }

    private static Map<String, Object> run(BotRun run) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", run.id());
        item.put("bot_name", run.botName());
        item.put("instance_name", run.instanceName());
        item.put("deployed_at", run.deployedAt());
        item.put("stopped_at", run.stoppedAt());
        item.put("strategy_type", run.strategyType());
        item.put("strategy_name", run.strategyName());
        item.put("config_name", run.configName());
        item.put("account_name", run.accountName());
        item.put("image_version", run.imageVersion());
        item.put("deployment_status", run.deploymentStatus());
        item.put("run_status", run.runStatus());
        item.put("deployment_config", run.deploymentConfig());
        item.put("final_status", run.finalStatus());
        item.put("error_message", run.errorMessage());
        return item;
    }

    private static <T> T first(T a, T b) {
        return a != null ? a : b;
    }

    private static String orDefault(String image) {
        return image == null || image.isBlank() ? DEFAULT_IMAGE : image;
    }
}
