package io.crmkit.jdbc.testing;

import io.crmkit.jdbc.JdbcCrmStorage;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit extension holding one migrated {@link TestDatabase} per kind for a test class, opened when first asked
 * for and dropped after the class: register it as a static field with {@code @RegisterExtension}. Tests keep apart
 * by using tenants of their own.
 */
public final class Databases implements AfterAllCallback {

    private final Map<DatabaseKind, TestDatabase> databases = new EnumMap<>(DatabaseKind.class);
    private final Map<DatabaseKind, JdbcCrmStorage> storages = new EnumMap<>(DatabaseKind.class);
    private final List<TestDatabase> extra = new ArrayList<>();

    /** The class's database of {@code kind}. */
    public synchronized TestDatabase database(DatabaseKind kind) {
        return databases.computeIfAbsent(kind, TestDatabase::open);
    }

    /** A storage with default options on the class's database of {@code kind}. */
    public synchronized JdbcCrmStorage storage(DatabaseKind kind) {
        JdbcCrmStorage storage = storages.get(kind);
        if (storage == null) {
            storage = database(kind).builder().build();
            storages.put(kind, storage);
        }
        return storage;
    }

    /** Another new, empty database of {@code kind}, dropped with the others. */
    public synchronized TestDatabase fresh(DatabaseKind kind) {
        TestDatabase database = TestDatabase.open(kind);
        extra.add(database);
        return database;
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) {
        List<RuntimeException> failures = new ArrayList<>();
        List<TestDatabase> all = new ArrayList<>(databases.values());
        all.addAll(extra);
        for (TestDatabase database : all) {
            try {
                database.close();
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
        databases.clear();
        storages.clear();
        extra.clear();
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
    }
}
