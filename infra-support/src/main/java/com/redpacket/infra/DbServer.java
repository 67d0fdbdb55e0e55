package com.redpacket.infra;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/** An administrator's connection to a MySQL-compatible server; {@code baseUrl} names no database. */
public record DbServer(String baseUrl, String user, String password) {

    public DbServer {
        if (!baseUrl.startsWith("jdbc:mysql://")) {
            throw new IllegalArgumentException("'" + baseUrl + "' is not a jdbc:mysql:// URL");
        }
        if (!baseUrl.endsWith("/")) {
            baseUrl = baseUrl + "/";
        }
    }

    public static DbServer at(HostPort address, String user, String password) {
        return new DbServer("jdbc:mysql://" + address + "/", user, password);
    }

    public HostPort address() {
        String rest = baseUrl.substring("jdbc:mysql://".length());
        return HostPort.parse(rest.substring(0, rest.indexOf('/')));
    }

    /** Answers only if the administrator can log in: a server that refuses us is not one we can set up. */
    public Presence presence() {
        HostPort address = address();
        if (!Probes.listening(address)) {
            return Presence.absent("nothing listens at " + address);
        }
        try (Connection ignored = connect(false)) {
            return Presence.answers("logged in as " + user);
        } catch (SQLException e) {
            return Presence.foreign("refused " + user + ": " + e.getMessage());
        }
    }

    public void execute(String sql) {
        try (Connection c = connect(false); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed: " + e.getMessage(), e);
        }
    }

    /** Runs a whole script in one round trip; the server splits it, so comments and quoting follow its rules. */
    public void runScript(String script) {
        try (Connection c = connect(true); Statement s = c.createStatement()) {
            boolean resultSet = s.execute(script);
            while (resultSet || s.getUpdateCount() != -1) {
                resultSet = s.getMoreResults();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("script failed: " + e.getMessage(), e);
        }
    }

    public Connection connect() throws SQLException {
        return connect(false);
    }

    private Connection connect(boolean multiStatements) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        props.setProperty("connectTimeout", "2000");
        props.setProperty("sslMode", "DISABLED");
        props.setProperty("allowPublicKeyRetrieval", "true");
        props.setProperty("allowMultiQueries", Boolean.toString(multiStatements));
        return DriverManager.getConnection(baseUrl, props);
    }
}
