package dev.forewarn.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Direct SQL against the test database, for wiping state between tests and reading what was stored. */
public final class Db {
    private static final String URL = "jdbc:postgresql://" + env("FOREWARN_DB_HOST", "127.0.0.1") + ":"
            + env("FOREWARN_DB_PORT", "5432") + "/" + env("FOREWARN_TEST_DB_NAME", "test");

    private Db() {
    }

    public static void wipe() {
        // A database no Forewarn has migrated yet holds nothing to wipe: the process ITs run alone (or against the
        // native executable) start on one.
        if (count("SELECT count(*) FROM pg_tables WHERE schemaname = current_schema() AND tablename = 'webhook_replay'")
                == 0) {
            return;
        }
        exec("TRUNCATE webhook_replay, page_delivery, page_event, page, ticket_change, ticket, ticket_cursor, oncall_override, "
                + "notice_skip, customer_audit, notice, incident_event, incident, region_status, maintenance_window, customer "
                + "RESTART IDENTITY CASCADE");
    }

    public static void exec(String sql) {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static long count(String sql) {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first column of the first row, as text (null when there is no row). */
    public static String text(String sql) {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(URL, env("FOREWARN_DB_USER", "postgres"), env("FOREWARN_DB_PASSWORD", ""));
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
