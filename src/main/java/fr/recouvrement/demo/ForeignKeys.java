package fr.recouvrement.demo;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Deletes rows together with every row that references them, following the database's own foreign
 * keys (read from JDBC metadata, so H2 and PostgreSQL alike, and tables added later included). Only
 * the demo portfolio uses it: the application itself never deletes a case.
 */
final class ForeignKeys {
  private static final int CHUNK = 500;

  /** A foreign key: {@code child.childColumn} references {@code parent.parentColumn}. */
  record Reference(String child, String childColumn, String parentColumn) {}

  private final JdbcTemplate jdbc;
  private final Map<String, List<Reference>> referencing = new HashMap<>();
  private final Map<String, String> tableNames;

  ForeignKeys(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.tableNames = jdbc.execute((ConnectionCallback<Map<String, String>>) ForeignKeys::tables);
  }

  /**
   * Deletes the rows of {@code table} whose {@code column} is one of {@code values}, children
   * first.
   */
  void delete(String table, String column, List<Object> values) {
    delete(table, column, values, 0);
  }

  private void delete(String table, String column, List<Object> values, int depth) {
    if (values.isEmpty()) {
      return;
    }
    if (depth > 10) {
      throw new IllegalStateException("Foreign keys deeper than 10 levels from " + table);
    }
    String actual = tableNames.getOrDefault(table.toLowerCase(Locale.ROOT), table);
    for (Reference r : references(actual)) {
      for (List<Object> chunk : chunks(values)) {
        List<Object> keys =
            r.parentColumn().equalsIgnoreCase(column)
                ? chunk
                : jdbc.queryForList(
                    "select "
                        + r.parentColumn()
                        + " from "
                        + actual
                        + " where "
                        + column
                        + " in ("
                        + marks(chunk)
                        + ")",
                    Object.class,
                    chunk.toArray());
        if (r.child().equalsIgnoreCase(actual)) {
          // a row pointing at another of the same table (a case following another): unlink, then
          // delete with the rest
          if (!keys.isEmpty()) {
            jdbc.update(
                "update "
                    + actual
                    + " set "
                    + r.childColumn()
                    + " = null where "
                    + r.childColumn()
                    + " in ("
                    + marks(keys)
                    + ")",
                keys.toArray());
          }
          continue;
        }
        delete(r.child(), r.childColumn(), keys, depth + 1);
      }
    }
    for (List<Object> chunk : chunks(values)) {
      jdbc.update(
          "delete from " + actual + " where " + column + " in (" + marks(chunk) + ")",
          chunk.toArray());
    }
  }

  private List<Reference> references(String table) {
    return referencing.computeIfAbsent(
        table.toLowerCase(Locale.ROOT),
        t ->
            jdbc.execute(
                (ConnectionCallback<List<Reference>>)
                    c -> {
                      List<Reference> found = new ArrayList<>();
                      DatabaseMetaData meta = c.getMetaData();
                      try (ResultSet rs =
                          meta.getExportedKeys(c.getCatalog(), c.getSchema(), table)) {
                        while (rs.next()) {
                          found.add(
                              new Reference(
                                  rs.getString("FKTABLE_NAME"),
                                  rs.getString("FKCOLUMN_NAME"),
                                  rs.getString("PKCOLUMN_NAME")));
                        }
                      }
                      return found;
                    }));
  }

  private static Map<String, String> tables(Connection c) throws SQLException {
    Map<String, String> names = new HashMap<>();
    try (ResultSet rs =
        c.getMetaData().getTables(c.getCatalog(), c.getSchema(), "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        String name = rs.getString("TABLE_NAME");
        names.put(name.toLowerCase(Locale.ROOT), name);
      }
    }
    return Collections.unmodifiableMap(names);
  }

  private static List<List<Object>> chunks(List<Object> values) {
    List<List<Object>> chunks = new ArrayList<>();
    for (int i = 0; i < values.size(); i += CHUNK) {
      chunks.add(values.subList(i, Math.min(values.size(), i + CHUNK)));
    }
    return chunks;
  }

  private static String marks(List<Object> values) {
    return String.join(", ", Collections.nCopies(values.size(), "?"));
  }
}
