package io.crmkit.jdbc.internal;

import io.crmkit.customer.CommunicationPreference;
import io.crmkit.customer.ContactChannel;
import io.crmkit.customer.Customer;
import io.crmkit.customer.CustomerKind;
import io.crmkit.customer.CustomerQuery;
import io.crmkit.customer.EmailAddress;
import io.crmkit.customer.EmailContact;
import io.crmkit.customer.LifecycleStage;
import io.crmkit.customer.OrganisationProfile;
import io.crmkit.customer.PersonProfile;
import io.crmkit.customer.PhoneContact;
import io.crmkit.customer.PhoneNumber;
import io.crmkit.shared.ConcurrentModificationException;
import io.crmkit.shared.CrmException;
import io.crmkit.shared.CustomerId;
import io.crmkit.shared.NotFoundException;
import io.crmkit.shared.StorageException;
import io.crmkit.shared.TenantId;
import io.crmkit.shared.TenantViolationException;
import io.crmkit.shared.UserId;
import io.crmkit.spi.CustomerStore;
import io.crmkit.spi.Slice;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Customers: one row each, plus look-up rows for e-mail match keys, E.164 numbers and tags. */
public final class JdbcCustomerStore implements CustomerStore {

    private static final String VALUE_COLUMNS = "kind, given_name, family_name, job_title, organisation_name, "
            + "organisation_domain, industry, employee_count, emails, phones, addresses, tags, attributes, "
            + "preferences, important_dates, owner, preferred_channel, do_not_contact, lifecycle_stage, created_at, "
            + "updated_at, archived_at, organisation_name_key";
    private static final String COLUMNS = "c.tenant_id, c.id, c.version, c." + VALUE_COLUMNS.replace(", ", ", c.");
    private static final int IN_CHUNK = 500;

    private final Transactions tx;
    private final Dialect dialect;
    private final Tables tables;
    private final String insertSql;
    private final String updateSql;

    public JdbcCustomerStore(Transactions tx, Dialect dialect, Tables tables) {
        this.tx = tx;
        this.dialect = dialect;
        this.tables = tables;
        String json = dialect.jsonParameter();
        String values = "?, ?, ?, ?, ?, ?, ?, ?, " + json + ", " + json + ", " + json + ", " + json + ", " + json
                + ", " + json + ", " + json + ", ?, ?, ?, ?, ?, ?, ?, ?";
        this.insertSql = "INSERT INTO " + tables.customer + " (tenant_id, id, version, " + VALUE_COLUMNS
                + ") VALUES (?, ?, ?, " + values + ")"
                + (dialect.failedStatementAbortsTransaction() ? " ON CONFLICT (tenant_id, id) DO NOTHING" : "");
        StringBuilder update = new StringBuilder("UPDATE ").append(tables.customer).append(" SET version = ?");
        for (String column : VALUE_COLUMNS.split(", ")) {
            boolean isJson = List.of("emails", "phones", "addresses", "tags", "attributes", "preferences",
                    "important_dates").contains(column);
            update.append(", ").append(column).append(" = ").append(isJson ? json : "?");
        }
        this.updateSql = update.append(" WHERE tenant_id = ? AND id = ? AND version = ?").toString();
    }

    @Override
    public void insert(TenantId tenant, Customer customer) {
        requireTenant(tenant, customer);
        tx.write(tenant, "insert customer " + customer.id() + " of tenant " + tenant, c -> {
            int inserted;
            try (PreparedStatement ps = c.prepareStatement(insertSql)) {
                ps.setString(1, tenant.value());
                dialect.setUuid(ps, 2, customer.id().value());
                ps.setLong(3, customer.version());
                bindValues(ps, 4, customer);
                inserted = ps.executeUpdate();
            } catch (SQLException e) {
                if (tx.errors().isUniqueViolation(e)) {
                    throw alreadyExists(customer, e);
                }
                throw e;
            }
            if (inserted == 0) {
                throw alreadyExists(customer, null);
            }
            insertLookups(c, tenant, customer);
            return null;
        });
    }

    private static StorageException alreadyExists(Customer customer, SQLException cause) {
        return new StorageException("Customer " + customer.id() + " already exists", cause);
    }

    @Override
    public void update(TenantId tenant, Customer customer) {
        requireTenant(tenant, customer);
        tx.write(tenant, "update customer " + customer.id() + " of tenant " + tenant, c -> {
            // Lock the row and read what its look-up rows are, so that only changed look-up rows are touched: no
            // range deletes, whose gap locks would make updates of neighbouring customers wait for each other.
            Lookups before = lockAndReadLookups(c, tenant, customer.id());
            if (before == null) {
                throw new NotFoundException("Customer", customer.id());
            }
            int updated;
            try (PreparedStatement ps = c.prepareStatement(updateSql)) {
                ps.setLong(1, customer.version());
                int i = bindValues(ps, 2, customer);
                ps.setString(i++, tenant.value());
                dialect.setUuid(ps, i++, customer.id().value());
                ps.setLong(i, customer.version() - 1);
                updated = ps.executeUpdate();
            }
            if (updated == 0) {
                throw new ConcurrentModificationException("Customer", customer.id(), customer.version() - 1);
            }
            Lookups after = Lookups.of(customer);
            replaceLookup(c, tables.customerEmail, "match_key", tenant, customer.id(), before.emails, after.emails);
            replaceLookup(c, tables.customerPhone, "e164", tenant, customer.id(), before.phones, after.phones);
            replaceLookup(c, tables.customerTag, "tag", tenant, customer.id(), before.tags, after.tags);
            return null;
        });
    }

    /** The keys of a customer's look-up rows. */
    private static final class Lookups {
        final Set<String> emails = new LinkedHashSet<>();
        final Set<String> phones = new LinkedHashSet<>();
        final Set<String> tags = new LinkedHashSet<>();

        static Lookups of(Customer customer) {
            Lookups lookups = new Lookups();
            for (EmailContact e : customer.emails()) {
                lookups.emails.add(e.address().matchKey());
            }
            for (PhoneContact p : customer.phones()) {
                lookups.phones.add(p.number().e164());
            }
            lookups.tags.addAll(customer.tags());
            return lookups;
        }
    }

    /** Locks the customer's row and reads its look-up keys; null if there is no such customer. */
    private Lookups lockAndReadLookups(Connection c, TenantId tenant, CustomerId id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT emails, phones, tags FROM " + tables.customer
                + " WHERE tenant_id = ? AND id = ? FOR UPDATE")) {
            ps.setString(1, tenant.value());
            dialect.setUuid(ps, 2, id.value());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                Lookups lookups = new Lookups();
                for (EmailContact e : JsonColumns.EMAILS.read(rs.getString(1), "e-mail addresses of customer " + id)) {
                    lookups.emails.add(e.address().matchKey());
                }
                for (PhoneContact p : JsonColumns.PHONES.read(rs.getString(2), "phone numbers of customer " + id)) {
                    lookups.phones.add(p.number().e164());
                }
                lookups.tags.addAll(JsonColumns.TAGS.read(rs.getString(3), "tags of customer " + id));
                return lookups;
            }
        }
    }

    /** Deletes the look-up rows of keys that are gone and inserts those of new keys, by exact key. */
    private void replaceLookup(Connection c, String table, String column, TenantId tenant, CustomerId id,
                               Set<String> before, Set<String> after) throws SQLException {
        List<String> gone = new ArrayList<>(before);
        gone.removeAll(after);
        List<String> added = new ArrayList<>(after);
        added.removeAll(before);
        if (!gone.isEmpty()) {
            StringBuilder sql = new StringBuilder("DELETE FROM ").append(table)
                    .append(" WHERE tenant_id = ? AND customer_id = ? AND ").append(column).append(" IN (");
            for (int k = 0; k < gone.size(); k++) {
                sql.append(k == 0 ? "?" : ", ?");
            }
            try (PreparedStatement ps = c.prepareStatement(sql.append(')').toString())) {
                ps.setString(1, tenant.value());
                dialect.setUuid(ps, 2, id.value());
                for (int k = 0; k < gone.size(); k++) {
                    ps.setString(k + 3, gone.get(k));
                }
                ps.executeUpdate();
            }
        }
        insertLookup(c, table, column, tenant, id, added);
    }

    /** Binds every column from {@code kind} on; returns the next parameter index. */
    private int bindValues(PreparedStatement ps, int i, Customer c) throws SQLException {
        PersonProfile person = c.person();
        OrganisationProfile organisation = c.organisation();
        ps.setString(i++, c.kind().name());
        setText(ps, i++, person == null ? null : person.givenName());
        setText(ps, i++, person == null ? null : person.familyName());
        setText(ps, i++, person == null ? null : person.jobTitle());
        setText(ps, i++, organisation == null ? null : organisation.name());
        setText(ps, i++, organisation == null ? null : organisation.domain());
        setText(ps, i++, organisation == null ? null : organisation.industry());
        if (organisation == null || organisation.employeeCount() == null) {
            ps.setNull(i++, Types.INTEGER);
        } else {
            ps.setInt(i++, organisation.employeeCount());
        }
        dialect.setJson(ps, i++, JsonColumns.EMAILS.write(c.emails()));
        dialect.setJson(ps, i++, JsonColumns.PHONES.write(c.phones()));
        dialect.setJson(ps, i++, JsonColumns.ADDRESSES.write(c.addresses()));
        dialect.setJson(ps, i++, JsonColumns.TAGS.write(List.copyOf(c.tags())));
        dialect.setJson(ps, i++, JsonColumns.ATTRIBUTES.write(c.attributes()));
        dialect.setJson(ps, i++, JsonColumns.ATTRIBUTES.write(c.preferences()));
        dialect.setJson(ps, i++, JsonColumns.DATES.write(c.importantDates()));
        setText(ps, i++, c.owner() == null ? null : c.owner().value());
        ContactChannel preferred = c.communication().preferredChannel();
        setText(ps, i++, preferred == null ? null : preferred.name());
        ps.setBoolean(i++, c.communication().doNotContact());
        ps.setString(i++, c.lifecycleStage().name());
        dialect.setInstant(ps, i++, c.createdAt());
        dialect.setInstant(ps, i++, c.updatedAt());
        dialect.setInstant(ps, i++, c.archivedAt());
        setText(ps, i++, organisation == null ? null : nameKey(organisation.name()));
        return i;
    }

    private static void setText(PreparedStatement ps, int i, String value) throws SQLException {
        if (value == null) {
            ps.setNull(i, Types.VARCHAR);
        } else {
            ps.setString(i, value);
        }
    }

    private void insertLookups(Connection c, TenantId tenant, Customer customer) throws SQLException {
        Lookups lookups = Lookups.of(customer);
        insertLookup(c, tables.customerEmail, "match_key", tenant, customer.id(), lookups.emails);
        insertLookup(c, tables.customerPhone, "e164", tenant, customer.id(), lookups.phones);
        insertLookup(c, tables.customerTag, "tag", tenant, customer.id(), lookups.tags);
    }

    private void insertLookup(Connection c, String table, String column, TenantId tenant, CustomerId id,
                              Collection<String> keys) throws SQLException {
        if (keys.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(table).append(" (tenant_id, customer_id, ")
                .append(column).append(") VALUES ");
        for (int k = 0; k < keys.size(); k++) {
            sql.append(k == 0 ? "(?, ?, ?)" : ", (?, ?, ?)");
        }
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int i = 1;
            for (String key : keys) {
                ps.setString(i++, tenant.value());
                dialect.setUuid(ps, i++, id.value());
                ps.setString(i++, key);
            }
            ps.executeUpdate();
        }
    }

    @Override
    public Optional<Customer> find(TenantId tenant, CustomerId id) {
        if (id == null) {
            return Optional.empty();
        }
        return tx.read(tenant, "read customer " + id + " of tenant " + tenant, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM " + tables.customer
                    + " c WHERE c.tenant_id = ? AND c.id = ?")) {
                ps.setString(1, tenant.value());
                dialect.setUuid(ps, 2, id.value());
                List<Customer> found = readAll(ps);
                return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
            }
        });
    }

    @Override
    public List<Customer> findByEmail(TenantId tenant, EmailAddress email) {
        return findBy(tenant, tables.customerEmail, "match_key", email.matchKey(), "e-mail");
    }

    @Override
    public List<Customer> findByPhone(TenantId tenant, PhoneNumber phone) {
        return findBy(tenant, tables.customerPhone, "e164", phone.e164(), "phone number");
    }

    private List<Customer> findBy(TenantId tenant, String table, String column, String key, String what) {
        return tx.read(tenant, "find customers of tenant " + tenant + " by " + what, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM " + table + " k JOIN "
                    + tables.customer + " c ON c.tenant_id = k.tenant_id AND c.id = k.customer_id"
                    + " WHERE k.tenant_id = ? AND k." + column + " = ?"
                    + dialect.orderBy("k.tenant_id, k." + column, "k.customer_id"))) {
                ps.setString(1, tenant.value());
                ps.setString(2, key);
                return readAll(ps);
            }
        });
    }

    /**
     * The key of an organisation's name in {@code organisation_name_key}: every character upper-cased and then
     * lower-cased, so that two names have the same key exactly when {@link String#equalsIgnoreCase} holds for them
     * character by character.
     */
    static String nameKey(String name) {
        StringBuilder key = new StringBuilder(name.length());
        name.codePoints().forEach(c -> key.appendCodePoint(Character.toLowerCase(Character.toUpperCase(c))));
        return key.toString();
    }

    /**
     * Two ranges, one of the index on (tenant, organisation_domain, id) and one of the index on (tenant,
     * organisation_name_key, id), put together in id order; the name is then compared as the SPI says
     * ({@link String#equalsIgnoreCase}), so that a key shared by names that differ otherwise matches nothing.
     */
    @Override
    public List<Customer> findOrganisations(TenantId tenant, String domain, String name) {
        if (tenant == null) {
            throw new TenantViolationException("a storage call must name its tenant");
        }
        String wantedDomain = domain == null ? null : domain.strip().toLowerCase(java.util.Locale.ROOT);
        String wantedName = name == null ? null : name.strip();
        if (wantedDomain == null && wantedName == null) {
            return List.of();
        }
        return tx.read(tenant, "find organisations of tenant " + tenant + " by domain and name", c -> {
            java.util.TreeMap<CustomerId, Customer> found = new java.util.TreeMap<>();
            if (wantedDomain != null) {
                for (Customer customer : organisationsBy(c, tenant, "organisation_domain",
                        "customer_organisation_domain_ix", wantedDomain)) {
                    if (wantedDomain.equals(customer.organisation().domain())) {
                        found.put(customer.id(), customer);
                    }
                }
            }
            if (wantedName != null) {
                for (Customer customer : organisationsBy(c, tenant, "organisation_name_key",
                        "customer_organisation_name_ix", nameKey(wantedName))) {
                    if (customer.organisation().name().equalsIgnoreCase(wantedName)) {
                        found.put(customer.id(), customer);
                    }
                }
            }
            return new ArrayList<>(found.values());
        });
    }

    /** The active organisations whose {@code column} is {@code key}, a range of {@code index}. */
    private List<Customer> organisationsBy(Connection c, TenantId tenant, String column, String index, String key)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(organisationSql(column, index))) {
            ps.setString(1, tenant.value());
            ps.setString(2, key);
            ps.setString(3, CustomerKind.ORGANISATION.name());
            return readAll(ps);
        }
    }

    /** The look-up of active organisations by domain or name key, for tests. */
    String organisationSql(String column, String index) {
        return "SELECT " + COLUMNS + " FROM " + tables.customer + " c" + dialect.indexHint(tables.index(index))
                + " WHERE c.tenant_id = ? AND c." + column + " = ? AND c.kind = ?"
                + " AND c.archived_at IS NULL" + dialect.orderBy("c.tenant_id, c." + column, "c.id");
    }

    @Override
    public Set<CustomerId> existing(TenantId tenant, Collection<CustomerId> ids) {
        List<CustomerId> all = new ArrayList<>(new LinkedHashSet<>(ids));
        if (all.isEmpty()) {
            return new HashSet<>();
        }
        return tx.read(tenant, "check which customers of tenant " + tenant + " exist", c -> {
            Set<CustomerId> found = new HashSet<>();
            String arrayType = dialect.uuidArrayType();
            if (all.size() == 1) {
                // one id (a timeline, a deal, a task): a primary key look-up on every database, where H2 would scan
                // the tenant's customers for "= ANY"
                try (PreparedStatement ps = c.prepareStatement("SELECT id FROM " + tables.customer
                        + " WHERE tenant_id = ? AND id = ?")) {
                    ps.setString(1, tenant.value());
                    dialect.setUuid(ps, 2, all.get(0).value());
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            found.add(new CustomerId(dialect.getUuid(rs, "id")));
                        }
                    }
                }
                return found;
            }
            if (arrayType != null) {
                // One statement with one array parameter, whatever the number of ids: a batch of touchpoints checks
                // up to a thousand customers per chunk, which as IN lists took two statements (and on H2 a scan
                // comparing every row with every listed id; "= ANY" scans the tenant's customers too, but looks
                // each one up in the array's set). On PostgreSQL the array is joined as rows instead: once the
                // driver prepares the statement on the server, "= ANY(parameter)" runs as a generic plan that
                // compares every customer of the tenant with every id of the array one by one (87 ms per chunk of
                // 1,000 touchpoints among 10,000 customers), where the join looks each id up in the primary key.
                UUID[] values = new UUID[all.size()];
                for (int k = 0; k < values.length; k++) {
                    values[k] = all.get(k).value();
                }
                String sql = dialect.family() == Dialect.Family.POSTGRESQL
                        ? "SELECT c.id FROM " + tables.customer + " c JOIN unnest(CAST(? AS uuid[])) AS u(id)"
                                + " ON c.id = u.id WHERE c.tenant_id = ?"
                        : "SELECT id FROM " + tables.customer + " WHERE id = ANY(?) AND tenant_id = ?";
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setString(2, tenant.value());
                    java.sql.Array array = c.createArrayOf(arrayType, values);
                    try {
                        ps.setArray(1, array);
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                found.add(new CustomerId(dialect.getUuid(rs, "id")));
                            }
                        }
                    } finally {
                        array.free();
                    }
                }
                return found;
            }
            for (int from = 0; from < all.size(); from += IN_CHUNK) {
                List<CustomerId> chunk = all.subList(from, Math.min(all.size(), from + IN_CHUNK));
                StringBuilder sql = new StringBuilder("SELECT id FROM ").append(tables.customer)
                        .append(" WHERE tenant_id = ? AND id IN (");
                for (int k = 0; k < chunk.size(); k++) {
                    sql.append(k == 0 ? "?" : ", ?");
                }
                try (PreparedStatement ps = c.prepareStatement(sql.append(")").toString())) {
                    ps.setString(1, tenant.value());
                    for (int k = 0; k < chunk.size(); k++) {
                        dialect.setUuid(ps, k + 2, chunk.get(k).value());
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            found.add(new CustomerId(dialect.getUuid(rs, "id")));
                        }
                    }
                }
            }
            return found;
        });
    }

    @Override
    public Slice<Customer> list(TenantId tenant, CustomerQuery query, CustomerId after, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        return tx.read(tenant, "list customers of tenant " + tenant, c -> {
            PreparedStatement ps = c.prepareStatement(listSql(query, after));
            try (ps) {
                int i = 1;
                ps.setString(i++, tenant.value());
                if (query.tag() != null) {
                    ps.setString(i++, query.tag());
                } else if (query.lifecycleStage() != null) {
                    ps.setString(i++, query.lifecycleStage().name());
                }
                if (after != null) {
                    dialect.setUuid(ps, i++, after.value());
                }
                if (query.kind() != null) {
                    ps.setString(i++, query.kind().name());
                }
                if (query.tag() != null && query.lifecycleStage() != null) {
                    ps.setString(i++, query.lifecycleStage().name());
                }
                ps.setInt(i, limit + 1);
                return Slice.of(readAll(ps), limit);
            }
        });
    }

    /**
     * The list query, driven by the index whose order is the id order: the tag look-up index for a tag, the stage
     * index for a stage, else the primary key; see {@link Dialect#orderBy} for the ORDER BY.
     */
    String listSql(CustomerQuery query, CustomerId after) {
        StringBuilder sql = new StringBuilder("SELECT ").append(COLUMNS).append(" FROM ");
        String order;
        if (query.tag() != null) {
            sql.append(tables.customerTag).append(" g").append(dialect.indexHint(tables.index("customer_tag_ix")))
                    .append(" JOIN ").append(tables.customer)
                    .append(" c ON c.tenant_id = g.tenant_id AND c.id = g.customer_id")
                    .append(" WHERE g.tenant_id = ? AND g.tag = ?");
            if (after != null) {
                sql.append(" AND g.customer_id > ?");
            }
            order = dialect.orderBy("g.tenant_id, g.tag", "g.customer_id");
        } else if (query.lifecycleStage() != null) {
            sql.append(tables.customer).append(" c").append(dialect.indexHint(tables.index("customer_stage_ix")))
                    .append(" WHERE c.tenant_id = ? AND c.lifecycle_stage = ?");
            if (after != null) {
                sql.append(" AND c.id > ?");
            }
            order = dialect.orderBy("c.tenant_id, c.lifecycle_stage", "c.id");
        } else {
            sql.append(tables.customer).append(" c").append(dialect.indexHint("PRIMARY"))
                    .append(" WHERE c.tenant_id = ?");
            if (after != null) {
                sql.append(" AND c.id > ?");
            }
            order = dialect.orderBy("c.tenant_id", "c.id");
        }
        if (query.kind() != null) {
            sql.append(" AND c.kind = ?");
        }
        if (query.tag() != null && query.lifecycleStage() != null) {
            sql.append(" AND c.lifecycle_stage = ?");
        }
        if (!query.includeArchived()) {
            sql.append(" AND c.archived_at IS NULL");
        }
        return sql.append(order).append(" LIMIT ?").toString();
    }

    private List<Customer> readAll(PreparedStatement ps) throws SQLException {
        return Rows.readAll(ps, this::read);
    }

    private Customer read(ResultSet rs) throws SQLException {
        CustomerId id = new CustomerId(dialect.getUuid(rs, "id"));
        try {
            CustomerKind kind = CustomerKind.valueOf(rs.getString("kind"));
            int employees = rs.getInt("employee_count");
            Integer employeeCount = rs.wasNull() ? null : employees;
            String owner = rs.getString("owner");
            String preferred = rs.getString("preferred_channel");
            return new Customer(id, new TenantId(rs.getString("tenant_id")), rs.getLong("version"), kind,
                    kind == CustomerKind.PERSON ? new PersonProfile(rs.getString("given_name"),
                            rs.getString("family_name"), rs.getString("job_title")) : null,
                    kind == CustomerKind.ORGANISATION ? new OrganisationProfile(rs.getString("organisation_name"),
                            rs.getString("organisation_domain"), rs.getString("industry"), employeeCount) : null,
                    JsonColumns.EMAILS.read(rs.getString("emails"), "e-mail addresses of customer " + id),
                    JsonColumns.PHONES.read(rs.getString("phones"), "phone numbers of customer " + id),
                    JsonColumns.ADDRESSES.read(rs.getString("addresses"), "addresses of customer " + id),
                    new LinkedHashSet<>(JsonColumns.TAGS.read(rs.getString("tags"), "tags of customer " + id)),
                    JsonColumns.ATTRIBUTES.read(rs.getString("attributes"), "attributes of customer " + id),
                    JsonColumns.ATTRIBUTES.read(rs.getString("preferences"), "preferences of customer " + id),
                    JsonColumns.DATES.read(rs.getString("important_dates"), "important dates of customer " + id),
                    owner == null ? null : new UserId(owner),
                    new CommunicationPreference(preferred == null ? null : ContactChannel.valueOf(preferred),
                            rs.getBoolean("do_not_contact")),
                    LifecycleStage.valueOf(rs.getString("lifecycle_stage")), dialect.getInstant(rs, "created_at"),
                    dialect.getInstant(rs, "updated_at"), dialect.getInstant(rs, "archived_at"));
        } catch (CrmException | IllegalArgumentException e) {
            if (e instanceof StorageException) {
                throw e;
            }
            throw new StorageException("the stored customer " + id + " cannot be read: " + e.getMessage(), e);
        }
    }

    static void requireTenant(TenantId tenant, Customer customer) {
        if (tenant == null) {
            throw new TenantViolationException("a storage call must name its tenant");
        }
        if (!customer.tenantId().equals(tenant)) {
            throw new TenantViolationException("Customer " + customer.id() + " belongs to tenant "
                    + customer.tenantId() + ", not to " + tenant);
        }
    }
}
