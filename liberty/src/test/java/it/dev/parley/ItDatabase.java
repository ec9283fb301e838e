package it.dev.parley;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The external database the tests run against, when one is given ({@code
 * parley.it.external.db.url}, {@code .user}, {@code .password}; set by the {@code postgresql} Maven
 * profile's run only); otherwise the server uses its embedded H2 database. {@code
 * parley.it.external.db.stop} and {@code .start}, when given, are shell commands that stop and
 * start the database server (for the outage test).
 */
final class ItDatabase {

  private final String url;
  private final String user;
  private final String password;

  private ItDatabase(String url, String user, String password) {
    this.url = url;
    this.user = user;
    this.password = password;
  }

  /** The configured external database, if any. */
  static Optional<ItDatabase> configured() {
    String url = System.getProperty("parley.it.external.db.url", "");
    if (url.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(
        new ItDatabase(
            url,
            System.getProperty("parley.it.external.db.user", ""),
            System.getProperty("parley.it.external.db.password", "")));
  }

  /**
   * The same database seen through a fresh schema of its own (created empty), for servers that must
   * not share tables with the other tests' server (their own encryption keys, their own cluster).
   */
  ItDatabase freshSchema(String schema) {
    try (Connection connection = connect();
        Statement statement = connection.createStatement()) {
      statement.execute("drop schema if exists \"" + schema + "\" cascade");
      statement.execute("create schema \"" + schema + "\"");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create schema " + schema + " in " + url, e);
    }
    return inSchema(schema);
  }

  /** The same database seen through an existing schema. */
  ItDatabase inSchema(String schema) {
    return new ItDatabase(
        url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema, user, password);
  }

  /** Points the server at this database. */
  void configure(Map<String, String> env) {
    env.put("PARLEY_DB_URL", url);
    env.put("PARLEY_DB_USER", user);
    env.put("PARLEY_DB_PASSWORD", password);
  }

  /** Drops Parley's tables, so that each test run starts as on a new server. */
  void dropParleyTables() {
    try (Connection connection = connect();
        Statement statement = connection.createStatement()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rows =
          statement.executeQuery(
              "select tablename from pg_tables where schemaname = current_schema()"
                  + " and tablename like 'parley\\_%'")) {
        while (rows.next()) {
          tables.add(rows.getString(1));
        }
      }
      for (String table : tables) {
        statement.execute("drop table if exists \"" + table + "\" cascade");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot reset the test database " + url, e);
    }
  }

  /** A new connection (the test's own, not the server's). */
  Connection connect() throws SQLException {
    return DriverManager.getConnection(url, user, password);
  }

  /** Whether the database server can be stopped and started by the tests. */
  static boolean controllable() {
    return !System.getProperty("parley.it.external.db.stop", "").isBlank()
        && !System.getProperty("parley.it.external.db.start", "").isBlank();
  }

  /** Stops the database server. */
  static void stopServer() throws IOException {
    run(System.getProperty("parley.it.external.db.stop"));
  }

  /** Starts the database server again. */
  static void startServer() throws IOException {
    run(System.getProperty("parley.it.external.db.start"));
  }

  private static void run(String command) throws IOException {
    Process process = new ProcessBuilder("sh", "-c", command).inheritIO().start();
    try {
      if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IOException("failed: " + command);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }
}
