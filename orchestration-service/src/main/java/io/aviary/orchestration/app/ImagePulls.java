package io.aviary.orchestration.app;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.PullResponseItem;
import io.aviary.kit.failure.InvalidRequest;
import io.aviary.kit.failure.Unavailable;
import io.aviary.orchestration.infra.DockerEngine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Image pulls running in the background with their tracked status (api-catalog §1.1 pull-image, pull-status): one
 * pull per image at a time; finished entries are kept an hour, at most {@value #MAX_KEPT}, pruned whenever the
 * list is touched. In memory: a restart forgets them, as in hummingbot-api.
 */
@Service
public class ImagePulls {

    static final int MAX_KEPT = 100;
    static final Duration KEEP_FINISHED = Duration.ofHours(1);
    /** A pull that streams nothing for this long is given up. */
    static final Duration PULL_LIMIT = Duration.ofMinutes(30);
    /** Docker's image reference: [registry[:port]/]path[:tag][@digest], bounded. */
    private static final Pattern REFERENCE = Pattern.compile(
            "[a-z0-9]([a-z0-9._-]*[a-z0-9])?(:[0-9]{1,5})?(/[a-z0-9]([a-z0-9._-]*[a-z0-9])?)*"
                    + "(:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(@sha256:[a-f0-9]{64})?");
    private static final int MAX_REFERENCE = 255;
    private static final int MAX_TEXT = 300;

    /** One pull as pull-status shows it; times in epoch seconds. */
    public record Pull(String image, String status, double startedAt, String progress, Double finishedAt,
                       String result, String error) {

        public boolean finished() {
            return finishedAt != null;
        }

        public double durationSeconds(double now) {
            return (finished() ? finishedAt : now) - startedAt;
        }
    }

    /** What pull-image answers: a new pull, or the one already running. */
    public record PullStart(boolean started, Pull pull) {
    }

    private final DockerEngine engine;
    private final Clock clock;
    private final Map<String, Pull> pulls = new LinkedHashMap<>();

    @Autowired
    public ImagePulls(DockerEngine engine) {
        this(engine, Clock.systemUTC());
    }

    ImagePulls(DockerEngine engine, Clock clock) {
        this.engine = engine;
        this.clock = clock;
    }

    public PullStart start(String rawImage) {
        String image = reference(rawImage);
        synchronized (pulls) {
            prune();
            Pull running = pulls.get(image);
            if (running != null && !running.finished()) {
                return new PullStart(false, running);
            }
        }
        if (!engine.isReachable()) {
            throw new Unavailable("Docker engine not reachable at " + engine.host());
        }
        Pull pull = new Pull(image, "pulling", now(), null, null, null, null);
        synchronized (pulls) {
            Pull running = pulls.get(image);
            if (running != null && !running.finished()) {
                return new PullStart(false, running);
            }
            pulls.remove(image);
            pulls.put(image, pull);
        }
        Thread.ofVirtual().name("docker-pull").start(() -> pull(image));
        return new PullStart(true, pull);
    }

    /** Every tracked pull, oldest first. */
    public Map<String, Pull> all() {
        synchronized (pulls) {
            prune();
            return new LinkedHashMap<>(pulls);
        }
    }

    public double now() {
        return clock.millis() / 1000.0;
    }

    private void pull(String image) {
        try {
            ResultCallback.Adapter<PullResponseItem> progress = new ResultCallback.Adapter<>() {
                @Override
                public void onNext(PullResponseItem item) {
                    if (item.getStatus() != null) {
                        update(image, p -> new Pull(p.image(), p.status(), p.startedAt(), bounded(item.getStatus()),
                                null, null, null));
                    }
                }
            };
            engine.call(client -> client.pullImageCmd(repository(image)).withTag(tag(image)).exec(progress));
            if (!progress.awaitCompletion(PULL_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
                progress.close();
                throw new IllegalStateException("no end of the pull within " + PULL_LIMIT.toMinutes() + " minutes");
            }
            update(image, p -> new Pull(p.image(), "completed", p.startedAt(), p.progress(), now(),
                    "Image " + image + " pulled", null));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            update(image, p -> failed(p, "interrupted"));
        } catch (Exception e) {
            update(image, p -> failed(p, bounded(String.valueOf(e.getMessage()))));
        }
    }

    private Pull failed(Pull p, String error) {
        return new Pull(p.image(), "failed", p.startedAt(), p.progress(), now(), null, error);
    }

    private void update(String image, UnaryOperator<Pull> change) {
        synchronized (pulls) {
            pulls.computeIfPresent(image, (key, p) -> change.apply(p));
        }
    }

    private void prune() {
        double cutoff = now() - KEEP_FINISHED.toSeconds();
        pulls.values().removeIf(p -> p.finished() && p.finishedAt() < cutoff);
        // running pulls are never dropped: their threads still report into them
        while (pulls.size() > MAX_KEPT) {
            var oldest = pulls.values().stream().filter(Pull::finished)
                    .min(Comparator.comparingDouble(Pull::finishedAt));
            if (oldest.isEmpty()) {
                return;
            }
            pulls.remove(oldest.get().image());
        }
    }

    static String reference(String raw) {
        if (raw == null || raw.isBlank() || raw.length() > MAX_REFERENCE || !REFERENCE.matcher(raw).matches()) {
            throw new InvalidRequest("Invalid image name '" + Names.shown(raw)
                    + "': expected [registry/]repository[:tag][@sha256:digest]");
        }
        return raw;
    }

    /** The repository part: everything before a tag (a colon after the last slash) or a digest. */
    static String repository(String image) {
        int at = image.indexOf('@');
        if (at >= 0) {
            return image;
        }
        int colon = image.lastIndexOf(':');
        return colon > image.lastIndexOf('/') ? image.substring(0, colon) : image;
    }

    static String tag(String image) {
        if (image.indexOf('@') >= 0) {
            return null;
        }
        int colon = image.lastIndexOf(':');
        return colon > image.lastIndexOf('/') ? image.substring(colon + 1) : "latest";
    }

    private static String bounded(String text) {
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT) + "…";
    }
}
