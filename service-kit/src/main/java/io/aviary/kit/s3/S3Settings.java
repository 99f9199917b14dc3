package io.aviary.kit.s3;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where bot archives on S3 live and how to reach them (docs/adr/0021-s3-archives.md). The credentials are
 * Hummingbot API's {@code AWS_API_KEY} / {@code AWS_SECRET_KEY}; {@code S3_ENDPOINT}, {@code S3_REGION} and
 * {@code S3_PATH_STYLE} point the client at an S3-compatible server (MinIO, Ceph, s3proxy) instead of AWS.
 *
 * @param accessKey     {@code AWS_API_KEY}; S3 is off while it or the secret is blank
 * @param secretKey     {@code AWS_SECRET_KEY}; never logged, never in a message ({@link #toString()} hides it)
 * @param endpoint      {@code S3_ENDPOINT}, e.g. {@code http://127.0.0.1:9000}; blank = AWS for the region
 * @param region        {@code S3_REGION}, default {@code us-east-1}
 * @param pathStyle     {@code S3_PATH_STYLE}: {@code http://host/bucket/key} instead of {@code http://bucket.host/key};
 *                      most S3-compatible servers need it
 * @param defaultBucket {@code AWS_S3_DEFAULT_BUCKET_NAME}: the bucket of an archive request with
 *                      {@code archive_locally=false} and no {@code s3_bucket}, as in Hummingbot API
 * @param timeout       connect and read timeout of one S3 call; an unreachable S3 fails within about this long
 */
@ConfigurationProperties("aviary.s3")
public record S3Settings(String accessKey, String secretKey, String endpoint, String region, boolean pathStyle,
        String defaultBucket, Duration timeout) {

    public S3Settings {
        region = region == null || region.isBlank() ? "us-east-1" : region.strip();
        timeout = timeout == null ? Duration.ofSeconds(5) : timeout;
    }

    /** Whether credentials are set: without them no client is built and every S3 use is refused. */
    public boolean configured() {
        return accessKey != null && !accessKey.isBlank() && secretKey != null && !secretKey.isBlank();
    }

    /** What messages call the server: the endpoint, or AWS and the region. */
    public String describe() {
        return endpoint == null || endpoint.isBlank() ? "S3 (AWS " + region + ")" : "S3 at " + endpoint.strip();
    }

    @Override
    public String toString() {
        return "S3Settings[" + describe() + ", pathStyle=" + pathStyle + ", credentials="
                + (configured() ? "set" : "not set") + "]";
    }
}
