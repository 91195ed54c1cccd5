package io.crmkit.jdbc.testing;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayDeque;
import java.util.Deque;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A DataSource for tests with a tiny pool: a closed connection is rolled back, put back into auto-commit mode and
 * kept for the next caller (at most {@value #MAX_IDLE} idle ones). {@link #closeAll()} closes them.
 */
public final class SimpleDataSource implements DataSource {

    private static final int MAX_IDLE = 8;

    private final String url;
    private final Properties properties;
    private final Deque<Connection> idle = new ArrayDeque<>();
    private boolean closed;

    public SimpleDataSource(String url, String user, String password) {
        this.url = url;
        this.properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
    }

    public String url() {
        return url;
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection physical;
        synchronized (this) {
            physical = idle.pollFirst();
        }
        if (physical == null || !physical.isValid(2)) {
            physical = DriverManager.getConnection(url, properties);
        }
        Connection target = physical;
        boolean[] released = {false};
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "close":
                            if (!released[0]) {
                                released[0] = true;
                                giveBack(target);
                            }
                            return null;
                        case "isClosed":
                            return released[0] || target.isClosed();
                        case "unwrap":
                            return target.unwrap((Class<?>) args[0]);
                        default:
                            if (released[0]) {
                                throw new SQLException("connection is closed", "08003");
                            }
                            try {
                                return method.invoke(target, args);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                    }
                });
    }

    private void giveBack(Connection physical) {
        try {
            if (physical.isClosed()) {
                return;
            }
            if (!physical.getAutoCommit()) {
                physical.rollback();
                physical.setAutoCommit(true);
            }
            synchronized (this) {
                if (!closed && idle.size() < MAX_IDLE) {
                    idle.addFirst(physical);
                    return;
                }
            }
            physical.close();
        } catch (SQLException e) {
            try {
                physical.close();
            } catch (SQLException ignored) {
                // broken anyway
            }
        }
    }

    /** Closes every idle connection; connections given back later are closed too. */
    public synchronized void closeAll() {
        closed = true;
        for (Connection c : idle) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // nothing to do
            }
        }
        idle.clear();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return DriverManager.getConnection(url, username, password);
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
    }

    @Override
    public void setLoginTimeout(int seconds) {
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return false;
    }
}
