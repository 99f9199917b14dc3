package io.aviary.kit.s3;

/**
 * An object in a bucket as S3 reports it.
 *
 * @param eTag the entity tag without quotes; for a single-part upload without KMS, the hex MD5 of the content
 */
public record StoredObject(String bucket, String key, long sizeBytes, String eTag) {
}
