package io.aviary.orchestration.api;

import io.aviary.kit.web.JsonBody;
import io.aviary.orchestration.app.DockerOperations;
import io.aviary.orchestration.app.DockerOperations.ContainerSummary;
import io.aviary.orchestration.app.ImagePulls;
import io.aviary.orchestration.app.ImagePulls.Pull;
import io.aviary.orchestration.app.ImagePulls.PullStart;
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
import tools.jackson.databind.node.NullNode;

/**
 * The ten {@code /docker} endpoints of the Hummingbot API contract (api-catalog §1.1) plus HEAD's query form of
 * available-images. Failures are statuses, not strings inside a 200 (docs/adr/0003-contract-deviations.md): an
 * unreachable engine is a 503 naming {@code DOCKER_HOST}, an unknown container a 404.
 */
@RestController
@RequestMapping("/docker")
@Tag(name = "Docker", description = "The Docker engine bots run on")
public class DockerController {

    private final DockerOperations docker;
    private final ImagePulls pulls;

    public DockerController(DockerOperations docker, ImagePulls pulls) {
        this.docker = docker;
        this.pulls = pulls;
    }

    @GetMapping("/running")
    @Operation(summary = "Whether the Docker engine answers (false, not an error, when it does not)")
    public Map<String, Boolean> running() {
        return Map.of("is_docker_running", docker.isRunning());
    }

    @GetMapping("/available-images/{image_name}")
    @Operation(summary = "Local image tags containing image_name")
    public Map<String, List<String>> availableImages(@PathVariable("image_name") String imageName) {
        return Map.of("available_images", docker.imageTags(imageName));
    }

    @GetMapping({"/available-images", "/available-images/"})
    @Operation(summary = "Local image tags containing image_name (HEAD's form: a bare list; every tag without it)")
    public List<String> availableImagesByQuery(@RequestParam(name = "image_name", required = false) String imageName) {
        return docker.imageTags(imageName);
    }

    @GetMapping("/active-containers")
    @Operation(summary = "Running containers, optionally only those whose name contains name_filter")
    public Map<String, List<ContainerSummary>> activeContainers(
            @RequestParam(name = "name_filter", required = false) String nameFilter) {
        return Map.of("active_instances", docker.containers("running", nameFilter));
    }

    @GetMapping("/exited-containers")
    @Operation(summary = "Exited containers, optionally only those whose name contains name_filter")
    public Map<String, List<ContainerSummary>> exitedContainers(
            @RequestParam(name = "name_filter", required = false) String nameFilter) {
        return Map.of("exited_instances", docker.containers("exited", nameFilter));
    }

    @PostMapping("/clean-exited-containers")
    @Operation(summary = "Remove every stopped container (docker container prune)")
    public JsonNode cleanExited() {
        docker.cleanExited();
        return NullNode.getInstance();
    }

    @PostMapping("/remove-container/{container_name}")
    @Operation(summary = "Force-remove a bot container and archive its instance folder locally or to S3 (s3_bucket)")
    public DockerOperations.Removal removeContainer(@PathVariable("container_name") String containerName,
            @RequestParam(name = "archive_locally", defaultValue = "true") boolean archiveLocally,
            @RequestParam(name = "s3_bucket", required = false) String s3Bucket) {
        return docker.remove(containerName, archiveLocally, s3Bucket);
    }

    @PostMapping("/stop-container/{container_name}")
    @Operation(summary = "Stop a container (10 s grace, then killed)")
    public JsonNode stopContainer(@PathVariable("container_name") String containerName) {
        docker.stop(containerName);
        return NullNode.getInstance();
    }

    @PostMapping("/start-container/{container_name}")
    @Operation(summary = "Start a stopped container")
    public JsonNode startContainer(@PathVariable("container_name") String containerName) {
        docker.start(containerName);
        return NullNode.getInstance();
    }

    @PostMapping({"/pull-image", "/pull-image/"})
    @Operation(summary = "Start pulling an image in the background; pull-status tracks it")
    public Map<String, Object> pullImage(@RequestBody(required = false) JsonNode body) {
        JsonBody fields = JsonBody.of(body);
        String image = fields.requiredString("image_name");
        fields.validate();
        PullStart start = pulls.start(image);
        Map<String, Object> answer = new LinkedHashMap<>();
        if (start.started()) {
            answer.put("message", "Pull started for " + start.pull().image());
            answer.put("status", "started");
        } else {
            answer.put("message", "Pull already in progress for " + start.pull().image());
            answer.put("status", "in_progress");
            answer.put("started_at", start.pull().startedAt());
        }
        answer.put("image_name", start.pull().image());
        return answer;
    }

    @GetMapping({"/pull-status", "/pull-status/"})
    @Operation(summary = "Pulls started within the last hour and their outcome")
    public Map<String, Object> pullStatus() {
        Map<String, Pull> all = pulls.all();
        double now = pulls.now();
        Map<String, Object> operations = new LinkedHashMap<>();
        all.forEach((image, pull) -> operations.put(image, pullEntry(pull, now)));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("pull_operations", operations);
        answer.put("total_operations", operations.size());
        return answer;
    }

    private static Map<String, Object> pullEntry(Pull pull, double now) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("status", pull.status());
        entry.put("started_at", pull.startedAt());
        if (pull.progress() != null) {
            entry.put("progress", pull.progress());
        }
        switch (pull.status()) {
            case "completed" -> {
                entry.put("completed_at", pull.finishedAt());
                entry.put("result", Map.of("success", true, "image", pull.image(), "result", pull.result()));
            }
            case "failed" -> {
                entry.put("failed_at", pull.finishedAt());
                entry.put("error", pull.error());
            }
            default -> { }
        }
        entry.put("duration_seconds", pull.durationSeconds(now));
        return entry;
    }
}
