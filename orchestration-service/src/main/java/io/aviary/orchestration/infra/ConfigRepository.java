package io.aviary.orchestration.infra;

import io.aviary.orchestration.domain.ProgramKind;
import io.aviary.orchestration.domain.StoredConfig;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** Controller and script configs in schema {@code orchestration}, one row per config name and kind. */
@Repository
public class ConfigRepository {

    private static final RowMapper<StoredConfig> ROW = (rs, i) -> new StoredConfig(rs.getString("name"),
            rs.getString("program_name"), rs.getString("program_type"), ConfigJson.read(rs.getString("content")));

    private final JdbcTemplate jdbc;

    public ConfigRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<StoredConfig> all(ProgramKind kind) {
        return jdbc.query("SELECT name, program_name, program_type, content::text AS content FROM stored_config "
                + "WHERE kind = ? ORDER BY name", ROW, kind.storedName());
    }

    public Optional<StoredConfig> find(ProgramKind kind, String name) {
        return jdbc.query("SELECT name, program_name, program_type, content::text AS content FROM stored_config "
                + "WHERE kind = ? AND name = ?", ROW, kind.storedName(), name).stream().findFirst();
    }

    /** The names among {@code names} that have no config of this kind. */
    public List<String> missing(ProgramKind kind, List<String> names) {
        if (names.isEmpty()) {
            return List.of();
        }
        List<String> present = jdbc.queryForList("SELECT name FROM stored_config WHERE kind = ? AND name = ANY (?)",
                String.class, kind.storedName(), names.toArray(String[]::new));
        return names.stream().filter(name -> !present.contains(name)).toList();
    }

    /** Inserts or replaces the config. */
    public void save(ProgramKind kind, StoredConfig config) {
        jdbc.update("""
                INSERT INTO stored_config (kind, name, program_name, program_type, content) VALUES (?, ?, ?, ?, ?::json)
                ON CONFLICT (kind, name) DO UPDATE SET program_name = excluded.program_name,
                    program_type = excluded.program_type, content = excluded.content, updated_at = now()""",
                kind.storedName(), config.name(), config.programName(), config.programType(),
                ConfigJson.write(config.content()));
    }

    /** @return false when there was no such config */
    public boolean delete(ProgramKind kind, String name) {
        return jdbc.update("DELETE FROM stored_config WHERE kind = ? AND name = ?", kind.storedName(), name) == 1;
    }
}
