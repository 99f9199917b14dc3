package io.aviary.kit.s3;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@link S3Buckets} for the services that put the S3 SDK on their classpath (orchestration-service and
 * archive-service); the others never load it. The client inside is built only when credentials are set.
 */
@AutoConfiguration
@ConditionalOnClass(S3Client.class)
@EnableConfigurationProperties(S3Settings.class)
public class S3AutoConfiguration {

    @Bean(destroyMethod = "close")
    S3Buckets s3Buckets(S3Settings settings) {
        return new S3Buckets(settings);
    }
}
