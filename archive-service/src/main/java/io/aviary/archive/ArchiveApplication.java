package io.aviary.archive;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * archive-service: owns schema `archive` and topic `aviary.archive.events`. Serves Hummingbot API's
 * {@code /archived-bots} (and {@code /databases}) over the stopped bots' SQLite databases under
 * {@code BOTS_PATH/bots/archived}, read-only, with a summary table in PostgreSQL kept in step by rescans and
 * orchestration's {@code BotArchived} events.
 */
@SpringBootApplication
public class ArchiveApplication {

    public static void main(String[] args) {
        SpringApplication.run(ArchiveApplication.class, args);
    }
}
