package io.aviary.kit.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

    @Test
    void readsTheHummingbotAsyncpgForm() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql+asyncpg://hbot:backend-api@db.local:5433/backend_api");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.local:5433/backend_api");
        assertThat(url.username()).isEqualTo("hbot");
        assertThat(url.password()).isEqualTo("backend-api");
    }

    @Test
    void decodesEscapedCredentialsAndKeepsQuery() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://u%40x:p%3Aw@localhost/aviary?sslmode=disable");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost/aviary?sslmode=disable");
        assertThat(url.username()).isEqualTo("u@x");
        assertThat(url.password()).isEqualTo("p:w");
    }

    @Test
    void passesJdbcThrough() {
        assertThat(DatabaseUrl.parse("jdbc:postgresql://h:1/d").jdbcUrl()).isEqualTo("jdbc:postgresql://h:1/d");
    }

    @Test
    void toStringHidesThePassword() {
        assertThat(DatabaseUrl.parse("postgresql://u:hunter2@h/d").toString()).doesNotContain("hunter2");
    }

    @Test
    void refusesOtherSchemesWithAnExample() {
        assertThatThrownBy(() -> DatabaseUrl.parse("mysql://u:p@h/d")).hasMessageContaining("postgresql://user:password@");
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://h")).hasMessageContaining("database name");
    }
}
