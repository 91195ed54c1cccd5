package io.crmkit.jdbc.testing;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Wraps a DataSource and, once {@linkplain #arm armed}, counts the statements executed and commits on its
 * connections; at the N-th it either fails the call or drops the connection (aborts it, as a network failure would)
 * and then fails.
 */
public final class FaultyDataSource implements DataSource {

    /** What happens at the N-th statement. */
    public enum Fault {
        FAIL_STATEMENT, DROP_CONNECTION
    }

    private static final Set<String> EXECUTIONS = Set.of("execute", "executeQuery", "executeUpdate", "executeBatch",
            "executeLargeUpdate", "executeLargeBatch");

    private final DataSource delegate;
    private final AtomicInteger count = new AtomicInteger();
    private volatile int failAt = Integer.MAX_VALUE;
    private volatile Fault fault = Fault.FAIL_STATEMENT;
    private volatile boolean counting;

    public FaultyDataSource(DataSource delegate) {
        this.delegate = delegate;
    }

    /** Starts counting from zero; the {@code n}-th statement or commit fails with {@code fault} (0: none). */
    public void arm(int n, Fault fault) {
        count.set(0);
        this.failAt = n == 0 ? Integer.MAX_VALUE : n;
        this.fault = fault;
        this.counting = true;
    }

    /** Stops counting and failing; returns how many statements and commits were counted. */
    public int disarm() {
        counting = false;
        failAt = Integer.MAX_VALUE;
        return count.get();
    }

    private void point(Connection connection) throws SQLException {
        if (!counting || count.incrementAndGet() != failAt) {
            return;
        }
        if (fault == Fault.DROP_CONNECTION) {
            Connection physical = connection.unwrap(Connection.class);
            try {
                physical.abort(Runnable::run);
            } catch (SQLException | RuntimeException e) {
                physical.close();
            }
            throw new SQLException("injected: connection dropped", "08006");
        }
        throw new SQLException("injected: statement failed", "XX000");
    }

    @Override
    public Connection getConnection() throws SQLException {
        return wrap(delegate.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return wrap(delegate.getConnection(username, password));
    }

    private Connection wrap(Connection connection) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("commit")) {
                        point(connection);
                    }
                    Object result = invoke(connection, method, args);
                    if (result instanceof Statement) {
                        return wrap(connection, (Statement) result);
                    }
                    return result;
                });
    }

    private Object wrap(Connection connection, Statement statement) {
        Class<?>[] interfaces = statement.getClass().getInterfaces();
        Class<?> type = statement instanceof java.sql.CallableStatement ? java.sql.CallableStatement.class
                : statement instanceof java.sql.PreparedStatement ? java.sql.PreparedStatement.class : Statement.class;
        return Proxy.newProxyInstance(Statement.class.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> {
                    if (EXECUTIONS.contains(method.getName())) {
                        point(connection);
                    }
                    return invoke(statement, method, args);
                });
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return delegate.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        delegate.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        delegate.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return delegate.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() {
        return Logger.getGlobal();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return delegate.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return delegate.isWrapperFor(iface);
    }
}
