package io.aviary.bot.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Hummingbot's bot database schema ({@code hummingbot-schema.sql}, SQLAlchemy's DDL text) and its
 * {@code Metadata.local_db_version}. Like SQLAlchemy's {@code create_all}, it creates what is missing and never
 * alters an existing table, so a database a Hummingbot bot left behind opens unchanged.
 */
final class Schema {

  static final String VERSION_KEY = "local_db_version";
  static final String VERSION = "20230516";

  private static final Pattern CREATE = Pattern.compile("^CREATE (TABLE|INDEX) ", Pattern.MULTILINE);

  private Schema() {
  }

  /** The DDL statements, exactly as SQLite keeps them in {@code sqlite_master.sql}. */
  static List<String> statements() {
    String text;
    try (InputStream in = Schema.class.getResourceAsStream("hummingbot-schema.sql")) {
      if (in == null) {
        throw new IllegalStateException("hummingbot-schema.sql missing from the bot jar");
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Arrays.stream(text.split(";\n"))
        .map(Schema::withoutComments)
        .filter(statement -> !statement.isBlank())
        .toList();
  }

  /** Creates the missing tables and indexes and the version row, in one transaction. */
  static void ensure(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (String ddl : statements()) {
        statement.execute(CREATE.matcher(ddl).replaceFirst("CREATE $1 IF NOT EXISTS "));
      }
    }
    try (PreparedStatement version = connection.prepareStatement(
        "INSERT OR IGNORE INTO \"Metadata\" (\"key\", value) VALUES (?, ?)")) {
      version.setString(1, VERSION_KEY);
      version.setString(2, VERSION);
      version.executeUpdate();
    }
  }

  /** The stored version; older than {@link #VERSION} means a database from before Hummingbot's last migration. */
  static String storedVersion(Connection connection) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(
        "SELECT value FROM \"Metadata\" WHERE \"key\" = ?")) {
      query.setString(1, VERSION_KEY);
      try (ResultSet row = query.executeQuery()) {
        return row.next() ? row.getString(1) : null;
      }
    }
  }

  private static String withoutComments(String chunk) {
    StringBuilder kept = new StringBuilder();
    for (String line : chunk.split("\n", -1)) {
      if (!line.startsWith("--")) {
        kept.append(line).append('\n');
      }
    }
    return kept.toString().strip();
  }
}
