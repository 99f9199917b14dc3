package io.aviary.bot.db;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Plain JDBC against a database file, as an outside reader of a Hummingbot database would query it. */
final class Sql {

  private Sql() {
  }

  static List<Map<String, Object>> rows(Path file, String sql) {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      ResultSetMetaData meta = rows.getMetaData();
      List<Map<String, Object>> result = new ArrayList<>();
      while (rows.next()) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          row.put(meta.getColumnName(i), rows.getObject(i));
        }
        result.add(row);
      }
      return result;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  static Map<String, Object> one(Path file, String sql) {
    List<Map<String, Object>> rows = rows(file, sql);
    if (rows.size() != 1) {
      throw new AssertionError("expected one row from " + sql + " but got " + rows.size() + ": " + rows);
    }
    return rows.get(0);
  }

  static long count(Path file, String table) {
    return ((Number) one(file, "SELECT count(*) AS n FROM \"" + table + "\"").get("n")).longValue();
  }

  /** Column names in table order, as {@code SELECT *} returns them. */
  static List<String> columns(Path file, String table) {
    return rows(file, "PRAGMA table_info(\"" + table + "\")").stream().map(row -> (String) row.get("name")).toList();
  }
}
