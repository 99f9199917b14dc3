package io.aviary.archive;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * archive-service: owns schema `archive` and topic `aviary.archive.events`. Its REST endpoints arrive with their
 * issues; until then it runs the shared service kit only (migrations, event path, health, metrics).
 */
@SpringBootApplication
public class ArchiveApplication {

    public static void main(String[] args) {
        SpringApplication.run(ArchiveApplication.class, args);
    }
}
