package io.crmkit.examples.spring;

import io.crmkit.shared.CustomerId;
import io.crmkit.shared.DomainEvent;
import io.crmkit.touchpoint.TouchpointRecorded;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.event.EventListener;

/**
 * Records every crmkit event the application publishes, and for each purchase whether its order could be read, at
 * the moment the event arrived, through a connection of its own: only a committed order can. That is the proof that
 * events are delivered after Spring's commit.
 */
@TestComponent
class EventRecorder {

    /** A delivered event, and whether its order was committed when it arrived (purchases only). */
    record Delivery(DomainEvent event, Boolean orderCommitted) {
    }

    private final DataSource dataSource;
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();

    EventRecorder(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @EventListener
    void on(DomainEvent event) {
        Boolean committed = null;
        if (event instanceof TouchpointRecorded recorded) {
            committed = orderVisibleElsewhere(recorded);
        }
        deliveries.add(new Delivery(event, committed));
    }

    /** The deliveries of events about {@code customer}, in order. */
    List<Delivery> about(CustomerId customer) {
        return deliveries.stream().filter(d -> customer.equals(customerOf(d.event()))).toList();
    }

    private static CustomerId customerOf(DomainEvent event) {
        if (event instanceof TouchpointRecorded recorded) {
            return recorded.customerId();
        }
        if (event instanceof io.crmkit.customer.CustomerRegistered registered) {
            return registered.customerId();
        }
        return null;
    }

    private boolean orderVisibleElsewhere(TouchpointRecorded recorded) {
        // dataSource.getConnection() on the pool itself, not through Spring: a different connection from the one
        // the (maybe still open) transaction uses. READ COMMITTED: it sees the order only once it is committed.
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT COUNT(*) FROM shop_order WHERE touchpoint_id = ?")) {
            query.setObject(1, recorded.touchpointId().value());
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1) == 1;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
