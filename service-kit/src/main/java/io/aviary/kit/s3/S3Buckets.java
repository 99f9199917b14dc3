package io.aviary.kit.s3;

import io.aviary.kit.failure.InvalidRequest;
import io.aviary.kit.failure.NotFound;
import io.aviary.kit.failure.Unavailable;
import io.aviary.kit.failure.UseCaseException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The few S3 operations bot archives need, shared by orchestration-service (upload) and archive-service (list,
 * download, delete). Every failure becomes a kit failure that names the server and never the credentials: an
 * unreachable server or refused credentials are {@link Unavailable} (503), a missing bucket or key {@link NotFound}
 * (404), a malformed bucket name {@link InvalidRequest} (400). Built only from {@link S3Settings}; without credentials
 * no client exists and every call is refused with a message that says which variables to set.
 */
public class S3Buckets implements AutoCloseable {

    /** S3's bucket naming rule (lower-case DNS label style), checked before a name reaches a URL. */
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern MD5_HEX = Pattern.compile("[0-9a-f]{32}");

    private final S3Settings settings;
    private final S3Client client;

    public S3Buckets(S3Settings settings) {
        this.settings = settings;
        this.client = settings.configured() ? build(settings) : null;
    }

    private static S3Client build(S3Settings settings) {
        var builder = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(settings.timeout())
                        .socketTimeout(settings.timeout()))
                .region(Region.of(settings.region()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(settings.accessKey().strip(), settings.secretKey().strip())))
                .forcePathStyle(settings.pathStyle())
                // checksums only where S3 requires them: the upload carries Content-MD5 and is verified by its
                // ETag, and S3-compatible servers differ in their support of the newer trailing checksums
                .requestChecksumCalculation(software.amazon.awssdk.core.checksums.RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(software.amazon.awssdk.core.checksums.ResponseChecksumValidation.WHEN_REQUIRED)
                .overrideConfiguration(config -> config
                        .retryStrategy(RetryMode.STANDARD)
                        .apiCallTimeout(settings.timeout().multipliedBy(6)));
        if (settings.endpoint() != null && !settings.endpoint().isBlank()) {
            builder.endpointOverride(URI.create(settings.endpoint().strip()));
        }
        return builder.build();
    }

    public boolean configured() {
        return client != null;
    }

    public S3Settings settings() {
        return settings;
    }

    /** A bucket name from a request, or the refusal; {@code null}/blank gives {@link S3Settings#defaultBucket()}. */
    public String bucket(String requested) {
        String name = requested == null || requested.isBlank() ? settings.defaultBucket() : requested.strip();
        if (name == null || name.isBlank()) {
            throw new InvalidRequest("No S3 bucket: pass s3_bucket (or set AWS_S3_DEFAULT_BUCKET_NAME)");
        }
        if (!BUCKET.matcher(name).matches()) {
            throw new InvalidRequest("Invalid S3 bucket name (3-63 lower-case letters, digits, '.' and '-'): "
                    + (name.length() > 63 ? name.substring(0, 63) + "…" : name));
        }
        return name;
    }

    /** Refuses use while no credentials are set (503: the service is not configured for S3). */
    public void requireConfigured() {
        if (client == null) {
            throw new Unavailable("S3 archives are not available: AWS S3 credentials are not provided "
                    + "(set AWS_API_KEY and AWS_SECRET_KEY, and S3_ENDPOINT for an S3-compatible server)");
        }
    }

    /**
     * Uploads a file in one PUT with its Content-MD5 (S3 rejects a body that arrives altered), then reads the
     * object back with HEAD and checks its size and, where S3 reports a plain MD5 ETag, that ETag.
     *
     * @return the verified object
     * @throws IllegalStateException when the stored object does not match the file
     */
    public StoredObject uploadVerified(String bucket, String key, Path file) {
        requireConfigured();
        long size;
        byte[] md5;
        try {
            size = Files.size(file);
            md5 = md5(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.getFileName() + " for the upload", e);
        }
        String md5Hex = HexFormat.of().formatHex(md5);
        call(bucket, key, () -> client.putObject(put -> put.bucket(bucket).key(key).contentLength(size)
                .contentMD5(Base64.getEncoder().encodeToString(md5)), RequestBody.fromFile(file)));
        HeadObjectResponse head = call(bucket, key, () -> client.headObject(request -> request.bucket(bucket).key(key)));
        String eTag = unquote(head.eTag());
        if (head.contentLength() == null || head.contentLength() != size) {
            throw new IllegalStateException("S3 object " + bucket + "/" + key + " has " + head.contentLength()
                    + " bytes after the upload, the archive " + size);
        }
        if (MD5_HEX.matcher(eTag).matches() && !eTag.equals(md5Hex)) {
            throw new IllegalStateException("S3 object " + bucket + "/" + key + " has ETag " + eTag
                    + ", the archive's MD5 is " + md5Hex);
        }
        return new StoredObject(bucket, key, size, eTag);
    }

    /** The objects whose key starts with {@code prefix}, all pages. */
    public List<StoredObject> list(String bucket, String prefix) {
        requireConfigured();
        return call(bucket, null, () -> {
            List<StoredObject> objects = new ArrayList<>();
            ListObjectsV2Request request = ListObjectsV2Request.builder().bucket(bucket).prefix(prefix).build();
            for (S3Object object : client.listObjectsV2Paginator(request).contents()) {
                objects.add(new StoredObject(bucket, object.key(), object.size(), unquote(object.eTag())));
            }
            return objects;
        });
    }

    /** What a {@link #read} does with the object's bytes. */
    @FunctionalInterface
    public interface ContentReader<T> {
        T read(StoredObject object, InputStream content) throws IOException;
    }

    /**
     * Streams one object to {@code reader}; an object larger than {@code maxBytes} is refused before its body is
     * read (its stream is aborted), so a cache fed from here stays within its bound.
     */
    public <T> T read(String bucket, String key, long maxBytes, ContentReader<T> reader) {
        requireConfigured();
        return call(bucket, key, () -> {
            try (ResponseInputStream<GetObjectResponse> content = client.getObject(
                    request -> request.bucket(bucket).key(key), ResponseTransformer.toInputStream())) {
                GetObjectResponse response = content.response();
                long size = response.contentLength() == null ? -1 : response.contentLength();
                if (size > maxBytes) {
                    content.abort();
                    throw new IllegalStateException("S3 object " + bucket + "/" + key + " has " + size
                            + " bytes, more than the cache allows (" + maxBytes + ")");
                }
                return reader.read(new StoredObject(bucket, key, size, unquote(response.eTag())), content);
            } catch (IOException e) {
                throw new UncheckedIOException("reading S3 object " + bucket + "/" + key + " failed", e);
            }
        });
    }

    public void delete(String bucket, String key) {
        requireConfigured();
        call(bucket, key, () -> client.deleteObject(request -> request.bucket(bucket).key(key)));
    }

    /** Runs one SDK call and turns its failure into the kit failure of its kind. */
    private <T> T call(String bucket, String key, Supplier<T> operation) {
        try {
            return operation.get();
        } catch (NoSuchKeyException e) {
            throw new NotFound("S3 object not found: " + bucket + "/" + key);
        } catch (NoSuchBucketException e) {
            throw new NotFound("S3 bucket not found: " + bucket);
        } catch (S3Exception e) {
            throw refused(bucket, key, e);
        } catch (SdkClientException e) {
            throw new Unavailable(settings.describe() + " is unreachable: " + shortCause(e));
        } catch (SdkException e) {
            throw new Unavailable(settings.describe() + " failed: " + shortCause(e));
        }
    }

    private UseCaseException refused(String bucket, String key, S3Exception e) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        int status = e.statusCode();
        if (status == 404 && key != null && (code == null || "NoSuchKey".equals(code) || "NotFound".equals(code))) {
            return new NotFound("S3 object not found: " + bucket + "/" + key);
        }
        if (status == 404) {
            return new NotFound("S3 bucket not found: " + bucket);
        }
        if (status == 403 || "InvalidAccessKeyId".equals(code) || "SignatureDoesNotMatch".equals(code)) {
            return new Unavailable(settings.describe() + " refused the credentials (AWS_API_KEY / AWS_SECRET_KEY)"
                    + (code == null ? " with HTTP " + status : ": " + code));
        }
        return new Unavailable(settings.describe() + " answered HTTP " + status + (code == null ? "" : " " + code)
                + " for " + bucket + (key == null ? "" : "/" + key));
    }

    /** The first line of the root cause's type and message, bounded: SDK messages carry no credentials. */
    private static String shortCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName()
                : root.getClass().getSimpleName() + ": " + root.getMessage().lines().findFirst().orElse("");
        return message.length() > 200 ? message.substring(0, 200) + "…" : message;
    }

    private static byte[] md5(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("MD5"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return ((DigestInputStream) in).getMessageDigest().digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is missing from this JDK", e);
        }
    }

    private static String unquote(String eTag) {
        return eTag == null ? "" : eTag.replace("\"", "").toLowerCase(Locale.ROOT);
    }

    @Override
    public void close() {
        if (client != null) {
            client.close();
        }
    }
}
