package org.civiclink.deploy.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

import org.civiclink.deploy.StackException;

/**
 * A PostgreSQL server the launcher may create databases in: the embedded one, or the one named by
 * {@code CIVICLINK_DB_URL}. {@code adminJdbcUrl} names a database to connect to for
 * {@code CREATE DATABASE}; {@link #jdbcUrl(String)} derives the URL of any other database on the
 * same server, keeping host list and parameters.
 */
public record PostgresTarget(String adminJdbcUrl, String user, String password, boolean embedded) {

    public static final String URL_ENV = "CIVICLINK_DB_URL";
    public static final String USER_ENV = "CIVICLINK_DB_USER";
    public static final String PASSWORD_ENV = "CIVICLINK_DB_PASSWORD";

    private static final String PREFIX = "jdbc:postgresql:";
    /** Database names are spliced into CREATE DATABASE, which cannot take a bind parameter. */
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final String DUPLICATE_DATABASE = "42P04";

    public PostgresTarget {
        if (!adminJdbcUrl.startsWith(PREFIX)) {
            throw new StackException("Not a PostgreSQL JDBC URL: " + adminJdbcUrl + " (expected jdbc:postgresql://host:port/database)");
        }
        user = user == null ? "" : user;
        password = password == null ? "" : password;
    }

    /** The server named by {@code CIVICLINK_DB_URL}, if set. */
    public static Optional<PostgresTarget> fromEnvironment(Map<String, String> env) {
        return Optional.ofNullable(env.get(URL_ENV))
                .filter(url -> !url.isBlank())
                .map(url -> new PostgresTarget(url.trim(), env.getOrDefault(USER_ENV, "postgres"),
                        env.getOrDefault(PASSWORD_ENV, ""), false));
    }

    public String jdbcUrl(String database) {
        requireValidName(database);
        String rest = adminJdbcUrl.substring(PREFIX.length());
        int queryStart = rest.indexOf('?');
        String query = queryStart < 0 ? "" : rest.substring(queryStart);
        String location = queryStart < 0 ? rest : rest.substring(0, queryStart);
        if (location.startsWith("//")) {
            int slash = location.indexOf('/', 2);
            String hosts = slash < 0 ? location : location.substring(0, slash);
            return PREFIX + hosts + "/" + database + query;
        }
        // jdbc:postgresql:database (local server, default port)
        return PREFIX + database + query;
    }

    /** Creates the database unless it exists; safe to call from several launchers at once. */
    public void createDatabaseIfMissing(String database) {
        requireValidName(database);
        try (Connection connection = connect()) {
            if (exists(connection, database)) {
                return;
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE \"" + database + "\"");
            }
        } catch (SQLException e) {
            if (DUPLICATE_DATABASE.equals(e.getSQLState())) {
                return;
            }
            throw new StackException("Cannot create database " + database + " on " + this + ": " + e.getMessage(), e);
        }
    }

    public boolean databaseExists(String database) {
        try (Connection connection = connect()) {
            return exists(connection, database);
        } catch (SQLException e) {
            throw new StackException("Cannot reach PostgreSQL at " + this + ": " + e.getMessage(), e);
        }
    }

    /** A quick {@code SELECT 1}, for status. */
    public boolean isReachable(int timeoutSeconds) {
        Properties props = credentials();
        props.setProperty("connectTimeout", Integer.toString(timeoutSeconds));
        props.setProperty("loginTimeout", Integer.toString(timeoutSeconds));
        try (Connection connection = DriverManager.getConnection(adminJdbcUrl, props);
             Statement statement = connection.createStatement()) {
            statement.execute("SELECT 1");
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(adminJdbcUrl, credentials());
    }

    /** No password: this string ends up in terminal output and logs. */
    @Override
    public String toString() {
        return (embedded ? "embedded PostgreSQL " : "PostgreSQL ") + adminJdbcUrl + " as " + user;
    }

    private Properties credentials() {
        Properties props = new Properties();
        props.setProperty("user", user);
        if (!password.isEmpty()) {
            props.setProperty("password", password);
        }
        return props;
    }

    private static boolean exists(Connection connection, String database) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, database);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static void requireValidName(String database) {
        if (!DATABASE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("Unsupported database name: " + database);
        }
    }
}
