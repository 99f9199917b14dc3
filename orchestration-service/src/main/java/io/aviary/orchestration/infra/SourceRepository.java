package io.aviary.orchestration.infra;

import io.aviary.orchestration.domain.ProgramKind;
import io.aviary.orchestration.domain.ProgramSource;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** Uploaded controller and script sources in schema {@code orchestration}. */
@Repository
public class SourceRepository {

    private static final RowMapper<ProgramSource> ROW = (rs, i) -> new ProgramSource(rs.getString("program_type"),
            rs.getString("name"), rs.getString("content"));

    private final JdbcTemplate jdbc;

    public SourceRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Names of the uploaded sources of this kind and type, sorted. */
    public List<String> names(ProgramKind kind, String type) {
        return jdbc.queryForList("SELECT name FROM program_source WHERE kind = ? AND program_type = ? ORDER BY name",
                String.class, kind.storedName(), type);
    }

    public Optional<ProgramSource> find(ProgramKind kind, String type, String name) {
        return jdbc.query("SELECT program_type, name, content FROM program_source "
                + "WHERE kind = ? AND program_type = ? AND name = ?", ROW, kind.storedName(), type, name)
                .stream().findFirst();
    }

    public void save(ProgramKind kind, ProgramSource source) {
        jdbc.update("""
                INSERT INTO program_source (kind, program_type, name, content) VALUES (?, ?, ?, ?)
                ON CONFLICT (kind, program_type, name) DO UPDATE SET content = excluded.content, updated_at = now()""",
                kind.storedName(), source.type(), source.name(), source.content());
    }

    /** @return false when there was no such source */
    public boolean delete(ProgramKind kind, String type, String name) {
        return jdbc.update("DELETE FROM program_source WHERE kind = ? AND program_type = ? AND name = ?",
                kind.storedName(), type, name) == 1;
    }
}
