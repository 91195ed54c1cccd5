package io.crmkit.jdbc.internal;

import io.crmkit.customer.EmailAddress;
import io.crmkit.customer.PhoneNumber;
import io.crmkit.lead.Attribution;
import io.crmkit.lead.Lead;
import io.crmkit.lead.LeadChannel;
import io.crmkit.lead.LeadQuery;
import io.crmkit.lead.LeadSettings;
import io.crmkit.lead.LeadSource;
import io.crmkit.lead.LeadStatus;
import io.crmkit.lead.LeadStatusChange;
import io.crmkit.lead.PossibleDuplicates;
import io.crmkit.lead.QualificationLevel;
import io.crmkit.shared.ConcurrentModificationException;
import io.crmkit.shared.CrmException;
import io.crmkit.shared.CustomerId;
import io.crmkit.shared.Ids;
import io.crmkit.shared.LeadId;
import io.crmkit.shared.NotFoundException;
import io.crmkit.shared.RetryableStorageException;
import io.crmkit.shared.StorageException;
import io.crmkit.shared.TenantId;
import io.crmkit.shared.TenantViolationException;
import io.crmkit.shared.UserId;
import io.crmkit.spi.LeadStore;
import io.crmkit.spi.Slice;
import io.crmkit.touchpoint.SourceRef;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Leads: one row each (attribution in columns, BANT checklist, possible duplicates and conversion as JSON), the
 * insert-only status history, the capture source keys (whose primary key makes capturing idempotent), named
 * sequences and the tenants' lead settings.
 */
public final class JdbcLeadStore implements LeadStore {

    private static final String VALUE_COLUMNS = "given_name, family_name, job_title, company, company_domain, "
            + "country_code, email, email_key, phone_e164, phone_extension, attributes, source_system, "
            + "source_external_id, first_channel, first_campaign, first_medium, first_term, first_content, "
            + "first_referrer_url, first_landing_page, first_at, last_channel, last_campaign, last_medium, last_term, "
            + "last_content, last_referrer_url, last_landing_page, last_at, owner, status, disqualification_reason, "
            + "qualification, bant, score, scored_at, possible_duplicates, customer_id, conversion, created_at, "
            + "updated_at";
    private static final List<String> JSON_COLUMNS = List.of("attributes", "bant", "possible_duplicates",
            "conversion");
    private static final String COLUMNS = "l.tenant_id, l.id, l.version, l." + VALUE_COLUMNS.replace(", ", ", l.");
    private static final String HISTORY_COLUMNS = "lead_id, version, changed_at, changed_by, from_status, to_status, "
            + "reason";
    /** How often a claim, upsert or sequence advance that lost a race on H2 is tried again. */
    private static final int H2_ATTEMPTS = 20;

    private final Transactions tx;
    private final Dialect dialect;
    private final Tables tables;
    private final String insertSql;
    private final String updateSql;

    public JdbcLeadStore(Transactions tx, Dialect dialect, Tables tables) {
        this.tx = tx;
        this.dialect = dialect;
        this.tables = tables;
        StringBuilder values = new StringBuilder();
        StringBuilder update = new StringBuilder("UPDATE ").append(tables.lead).append(" SET version = ?");
        for (String column : VALUE_COLUMNS.split(", ")) {
            String parameter = JSON_COLUMNS.contains(column) ? dialect.jsonParameter() : "?";
            values.append(", ").append(parameter);
            update.append(", ").append(column).append(" = ").append(parameter);
        }
        this.insertSql = "INSERT INTO " + tables.lead + " (tenant_id, id, version, " + VALUE_COLUMNS
                + ") VALUES (?, ?, ?" + values + ")"
                + (dialect.failedStatementAbortsTransaction() ? " ON CONFLICT (tenant_id, id) DO NOTHING" : "");
        this.updateSql = update.append(" WHERE tenant_id = ? AND id = ? AND version = ?").toString();
    }

    // ---- the lead ------------------------------------------------------------------------------------------------

    @Override
    public void insert(TenantId tenant, Lead lead) {
        requireTenant(tenant, lead);
        tx.write(tenant, "insert lead " + lead.id() + " of tenant " + tenant, c -> {
            int inserted;
            try (PreparedStatement ps = c.prepareStatement(insertSql)) {
                ps.setString(1, tenant.value());
                dialect.setUuid(ps, 2, lead.id().value());
                ps.setLong(3, lead.version());
                bindValues(ps, 4, lead);
                inserted = ps.executeUpdate();
            } catch (SQLException e) {
                if (tx.errors().isUniqueViolation(e)) {
                    throw new StorageException("Lead " + lead.id() + " already exists", e);
                }
                throw e;
            }
            if (inserted == 0) {
                throw new StorageException("Lead " + lead.id() + " already exists");
            }
            return null;
        });
    }

    @Override
    public void update(TenantId tenant, Lead lead) {
        requireTenant(tenant, lead);
        tx.write(tenant, "update lead " + lead.id() + " of tenant " + tenant, c -> {
            int updated;
            try (PreparedStatement ps = c.prepareStatement(updateSql)) {
                ps.setLong(1, lead.version());
                int i = bindValues(ps, 2, lead);
                ps.setString(i++, tenant.value());
                dialect.setUuid(ps, i++, lead.id().value());
                ps.setLong(i, lead.version() - 1);
                updated = ps.executeUpdate();
            }
            if (updated == 0) {
                try (PreparedStatement ps = c.prepareStatement("SELECT version FROM " + tables.lead
                        + " WHERE tenant_id = ? AND id = ?")) {
                    ps.setString(1, tenant.value());
                    dialect.setUuid(ps, 2, lead.id().value());
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            throw new NotFoundException("Lead", lead.id());
                        }
                    }
                }
                throw new ConcurrentModificationException("Lead", lead.id(), lead.version() - 1);
            }
            return null;
        });
    }

    /** Binds every column from {@code given_name} on; returns the next parameter index. */
    private int bindValues(PreparedStatement ps, int i, Lead lead) throws SQLException {
        setText(ps, i++, lead.givenName());
        setText(ps, i++, lead.familyName());
        setText(ps, i++, lead.jobTitle());
        setText(ps, i++, lead.company());
        setText(ps, i++, lead.companyDomain());
        setText(ps, i++, lead.countryCode());
        EmailAddress email = lead.email();
        setText(ps, i++, email == null ? null : email.value());
        setText(ps, i++, email == null ? null : email.matchKey());
        PhoneNumber phone = lead.phone();
        setText(ps, i++, phone == null ? null : phone.e164());
        setText(ps, i++, phone == null ? null : phone.extension());
        dialect.setJson(ps, i++, JsonColumns.ATTRIBUTES.write(lead.attributes()));
        SourceRef source = lead.sourceRef();
        setText(ps, i++, source == null ? null : source.system());
        setText(ps, i++, source == null ? null : source.externalId());
        i = bindTouch(ps, i, lead.firstTouch());
        i = bindTouch(ps, i, lead.lastTouch());
        setText(ps, i++, lead.owner() == null ? null : lead.owner().value());
        ps.setString(i++, lead.status().name());
        setText(ps, i++, lead.disqualificationReason());
        ps.setString(i++, lead.qualification().name());
        dialect.setJson(ps, i++, lead.bant() == null ? null : JsonColumns.BANT.write(lead.bant()));
        if (lead.score() == null) {
            ps.setNull(i++, Types.DECIMAL);
        } else {
            ps.setBigDecimal(i++, lead.score());
        }
        dialect.setInstant(ps, i++, lead.scoredAt());
        dialect.setJson(ps, i++, lead.possibleDuplicates().any()
                ? JsonColumns.POSSIBLE_DUPLICATES.write(lead.possibleDuplicates()) : null);
        dialect.setUuid(ps, i++, lead.customerId() == null ? null : lead.customerId().value());
        dialect.setJson(ps, i++, lead.conversion() == null ? null
                : JsonColumns.LEAD_CONVERSION.write(lead.conversion()));
        dialect.setInstant(ps, i++, lead.createdAt());
        dialect.setInstant(ps, i++, lead.updatedAt());
        return i;
    }

    private int bindTouch(PreparedStatement ps, int i, Attribution touch) throws SQLException {
        LeadSource source = touch.source();
        ps.setString(i++, source.channel().name());
        setText(ps, i++, source.campaign());
        setText(ps, i++, source.medium());
        setText(ps, i++, source.term());
        setText(ps, i++, source.content());
        setText(ps, i++, source.referrerUrl());
        setText(ps, i++, source.landingPage());
        dialect.setInstant(ps, i++, touch.at());
        return i;
    }

    private static void setText(PreparedStatement ps, int i, String value) throws SQLException {
        if (value == null) {
            ps.setNull(i, Types.VARCHAR);
        } else {
            ps.setString(i, value);
        }
    }

    @Override
    public Optional<Lead> find(TenantId tenant, LeadId id) {
        if (id == null) {
            return Optional.empty();
        }
        return tx.read(tenant, "read lead " + id + " of tenant " + tenant, c -> {
            String sql = "SELECT " + COLUMNS + " FROM " + tables.lead + " l WHERE l.tenant_id = ? AND l.id = ?";
            List<Lead> found = findById(c, sql, tenant, id);
            String latest = dialect.latestCommittedReadSuffix();
            if (found.isEmpty() && !latest.isEmpty() && !c.getAutoCommit()) {
                // REPEATABLE READ (MariaDB/MySQL): a lead committed after this unit of work's snapshot is read as it
                // is now, as in the other databases, e.g. the lead of a capture source key that a concurrent capture
                // claimed first (claimSource named it; its lead is not in the snapshot).
                found = findById(c, sql + latest, tenant, id);
            }
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
        });
    }

    private List<Lead> findById(Connection c, String sql, TenantId tenant, LeadId id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, tenant.value());
            dialect.setUuid(ps, 2, id.value());
            return readAll(ps);
        }
    }

    @Override
    public List<Lead> findByEmail(TenantId tenant, EmailAddress email) {
        return findBy(tenant, "email_key", "lead_email_ix", email.matchKey(), "e-mail");
    }

    @Override
    public List<Lead> findByPhone(TenantId tenant, PhoneNumber phone) {
        return findBy(tenant, "phone_e164", "lead_phone_ix", phone.e164(), "phone number");
    }

    /** The leads whose {@code column} is {@code key}: a range of {@code index}, in id order. */
    private List<Lead> findBy(TenantId tenant, String column, String index, String key, String what) {
        Query q = findByQuery(tenant, column, index, key);
        return tx.read(tenant, "find leads of tenant " + tenant + " by " + what, c -> {
            try (PreparedStatement ps = q.prepare(c)) {
                return readAll(ps);
            }
        });
    }

    /** The look-up by e-mail key or E.164 number: a range of its index, in id order. */
    Query findByQuery(TenantId tenant, String column, String index, String key) {
        return new Query(dialect, "SELECT " + COLUMNS + " FROM " + tables.lead + " l"
                + dialect.indexHint(tables.index(index)) + " WHERE l.tenant_id = ?").text(tenant.value())
                .and("l." + column + " = ?").text(key).sql(dialect.orderBy("l.tenant_id, l." + column, "l.id"));
    }

    @Override
    public Slice<Lead> list(TenantId tenant, LeadQuery query, LeadId after, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        List<Query> ranges = listQueries(tenant, query, after, limit);
        return tx.read(tenant, "list leads of tenant " + tenant, c -> {
            List<Lead> found = new ArrayList<>();
            for (Query range : ranges) {
                try (PreparedStatement ps = range.prepare(c)) {
                    found.addAll(readAll(ps));
                }
            }
            if (ranges.size() > 1) {
                found.sort((a, b) -> Ids.compare(a.id().value(), b.id().value()));
                if (found.size() > limit + 1) {
                    found = new ArrayList<>(found.subList(0, limit + 1));
                }
            }
            return Slice.of(found, limit);
        });
    }

    /**
     * The list's queries. Each status (or all of them) and owner is a range of an index in id order: the primary
     * key, {@code lead_status_ix} (tenant, status, id), {@code lead_owner_ix} (tenant, owner, id) or
     * {@code lead_owner_status_ix} (tenant, owner, status, id). Several statuses are one such range each, at most
     * {@code limit + 1} leads of each, merged in id order by the caller: a page reads at most that many rows per
     * status, never the tenant's leads. (One statement of UNION ALL would do the same, but H2 keeps the LIMIT of a
     * UNION's branches from the first execution of a prepared statement.)
     */
    List<Query> listQueries(TenantId tenant, LeadQuery query, LeadId after, int limit) {
        List<LeadStatus> statuses = new ArrayList<>(query.statuses());
        statuses.sort(null);
        if (statuses.isEmpty()) {
            statuses.add(null);
        }
        List<Query> ranges = new ArrayList<>();
        for (LeadStatus status : statuses) {
            Query q = new Query(dialect, "");
            listRange(q, tenant, status, query.owner(), after, limit);
            ranges.add(q);
        }
        return ranges;
    }

    /** One range of a list index, in id order: at most {@code limit + 1} leads. */
    private void listRange(Query q, TenantId tenant, LeadStatus status, UserId owner, LeadId after, int limit) {
        String index = owner == null ? (status == null ? "PRIMARY" : tables.index("lead_status_ix"))
                : (status == null ? tables.index("lead_owner_ix") : tables.index("lead_owner_status_ix"));
        q.sql("SELECT " + COLUMNS + " FROM " + tables.lead + " l" + dialect.indexHint(index)
                + " WHERE l.tenant_id = ?").text(tenant.value());
        String prefix = "l.tenant_id";
        if (owner != null) {
            q.and("l.owner = ?").text(owner.value());
            prefix += ", l.owner";
        }
        if (status != null) {
            q.and("l.status = ?").text(status.name());
            prefix += ", l.status";
        }
        if (after != null) {
            q.and("l.id > ?").uuid(after.value());
        }
        q.sql(dialect.orderBy(prefix, "l.id") + " LIMIT ?").integer(limit + 1);
    }

    private List<Lead> readAll(PreparedStatement ps) throws SQLException {
        return Rows.readAll(ps, this::read);
    }

    private Lead read(ResultSet rs) throws SQLException {
        LeadId id = new LeadId(dialect.getUuid(rs, "id"));
        try {
            String email = rs.getString("email");
            String e164 = rs.getString("phone_e164");
            String system = rs.getString("source_system");
            String owner = rs.getString("owner");
            String bant = rs.getString("bant");
            String duplicates = rs.getString("possible_duplicates");
            UUID customer = dialect.getUuid(rs, "customer_id");
            String conversion = rs.getString("conversion");
            BigDecimal score = rs.getBigDecimal("score");
            return Lead.builder().id(id).tenantId(new TenantId(rs.getString("tenant_id")))
                    .version(rs.getLong("version"))
                    .givenName(rs.getString("given_name")).familyName(rs.getString("family_name"))
                    .jobTitle(rs.getString("job_title")).company(rs.getString("company"))
                    .companyDomain(rs.getString("company_domain")).countryCode(rs.getString("country_code"))
                    .email(email == null ? null : new EmailAddress(email))
                    .phone(e164 == null ? null : new PhoneNumber(e164, rs.getString("phone_extension")))
                    .attributes(JsonColumns.ATTRIBUTES.read(rs.getString("attributes"), "attributes of lead " + id))
                    .sourceRef(system == null ? null : new SourceRef(system, rs.getString("source_external_id")))
                    .firstTouch(readTouch(rs, "first_")).lastTouch(readTouch(rs, "last_"))
                    .owner(owner == null ? null : new UserId(owner))
                    .status(LeadStatus.valueOf(rs.getString("status")))
                    .disqualificationReason(rs.getString("disqualification_reason"))
                    .qualification(QualificationLevel.valueOf(rs.getString("qualification")))
                    .bant(bant == null ? null : JsonColumns.BANT.read(bant, "BANT checklist of lead " + id))
                    .score(score).scoredAt(dialect.getInstant(rs, "scored_at"))
                    .possibleDuplicates(duplicates == null ? PossibleDuplicates.NONE
                            : JsonColumns.POSSIBLE_DUPLICATES.read(duplicates, "possible duplicates of lead " + id))
                    .customerId(customer == null ? null : new CustomerId(customer))
                    .conversion(conversion == null ? null
                            : JsonColumns.LEAD_CONVERSION.read(conversion, "conversion of lead " + id))
                    .createdAt(dialect.getInstant(rs, "created_at")).updatedAt(dialect.getInstant(rs, "updated_at"))
                    .build();
        } catch (CrmException | IllegalArgumentException e) {
            if (e instanceof StorageException) {
                throw e;
            }
            throw new StorageException("the stored lead " + id + " cannot be read: " + e.getMessage(), e);
        }
    }

    private Attribution readTouch(ResultSet rs, String prefix) throws SQLException {
        return new Attribution(new LeadSource(LeadChannel.valueOf(rs.getString(prefix + "channel")),
                rs.getString(prefix + "campaign"), rs.getString(prefix + "medium"), rs.getString(prefix + "term"),
                rs.getString(prefix + "content"), rs.getString(prefix + "referrer_url"),
                rs.getString(prefix + "landing_page")), dialect.getInstant(rs, prefix + "at"));
    }

    // ---- capture source keys -------------------------------------------------------------------------------------

    /**
     * Inserts the key if it is free, deciding by the primary key (tenant, system, external id) inside the database:
     * PostgreSQL {@code ON CONFLICT DO NOTHING}, MariaDB/MySQL {@code INSERT IGNORE} (any warning but a duplicate key
     * an error), H2 a plain INSERT in a savepoint, rolled back to it on a duplicate key. A concurrent claim of the
     * same key waits for the other unit of work and then finds its key; the holder is read with a read that sees the
     * latest committed rows.
     */
    @Override
    public Optional<LeadId> claimSource(TenantId tenant, SourceRef source, LeadId lead) {
        requireTenant(tenant);
        return tx.write(tenant, "claim the capture source " + source + " of tenant " + tenant, c -> {
            for (int attempt = 1; ; attempt++) {
                Boolean inserted = insertClaim(c, tenant, source, lead);
                if (Boolean.TRUE.equals(inserted)) {
                    return Optional.<LeadId>empty();
                }
                if (inserted != null) {
                    Optional<LeadId> holder = holderOf(c, tenant, source, dialect.latestCommittedReadSuffix());
                    if (holder.isPresent()) {
                        return holder;
                    }
                }
                // H2: the holder has not committed yet, or its unit of work rolled back: the key may be free again
                if (attempt == H2_ATTEMPTS) {
                    throw new RetryableStorageException("crmkit could not claim the capture source " + source
                            + " of tenant " + tenant + ": concurrent units of work kept claiming it; run the unit of"
                            + " work again", null);
                }
                pause(attempt);
            }
        });
    }

    /**
     * Whether the key was free and is now {@code lead}'s (true) or is held (false); null where H2 could not tell yet
     * (a concurrent transaction holds the row's lock).
     */
    private Boolean insertClaim(Connection c, TenantId tenant, SourceRef source, LeadId lead) throws SQLException {
        String columns = " (tenant_id, source_system, source_external_id, lead_id) VALUES (?, ?, ?, ?)";
        switch (dialect.family()) {
            case POSTGRESQL:
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + tables.leadSource + columns
                        + " ON CONFLICT (tenant_id, source_system, source_external_id) DO NOTHING")) {
                    bindClaim(ps, tenant, source, lead);
                    return ps.executeUpdate() == 1;
                }
            case MYSQL:
                try (PreparedStatement ps = c.prepareStatement("INSERT IGNORE INTO " + tables.leadSource + columns)) {
                    bindClaim(ps, tenant, source, lead);
                    int inserted = ps.executeUpdate();
                    requireOnlyDuplicateWarnings(ps);
                    return inserted == 1;
                }
            default:
                Savepoint savepoint = c.setSavepoint();
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + tables.leadSource + columns)) {
                    bindClaim(ps, tenant, source, lead);
                    ps.executeUpdate();
                    c.releaseSavepoint(savepoint);
                    return true;
                } catch (SQLException e) {
                    c.rollback(savepoint);
                    if (tx.errors().isUniqueViolation(e)) {
                        return false;
                    }
                    if (tx.errors().isRetryable(e)) {
                        return null;
                    }
                    throw e;
                }
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(Math.min(50, attempt * 2L));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("interrupted while claiming a capture source", e);
        }
    }

    private void bindClaim(PreparedStatement ps, TenantId tenant, SourceRef source, LeadId lead)
            throws SQLException {
        ps.setString(1, tenant.value());
        ps.setString(2, source.system());
        ps.setString(3, source.externalId());
        dialect.setUuid(ps, 4, lead.value());
    }

    /** INSERT IGNORE turns every error into a warning: only duplicate keys are expected, anything else fails. */
    private static void requireOnlyDuplicateWarnings(Statement statement) throws SQLException {
        for (java.sql.SQLWarning w = statement.getWarnings(); w != null; w = w.getNextWarning()) {
            if (w.getErrorCode() != 1062) {
                throw new SQLException("INSERT IGNORE reported " + w.getMessage(), w.getSQLState(),
                        w.getErrorCode());
            }
        }
    }

    private Optional<LeadId> holderOf(Connection c, TenantId tenant, SourceRef source, String suffix)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT lead_id FROM " + tables.leadSource
                + " WHERE tenant_id = ? AND source_system = ? AND source_external_id = ?" + suffix)) {
            ps.setString(1, tenant.value());
            ps.setString(2, source.system());
            ps.setString(3, source.externalId());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new LeadId(dialect.getUuid(rs, "lead_id"))) : Optional.empty();
            }
        }
    }

    @Override
    public Optional<LeadId> findBySource(TenantId tenant, SourceRef source) {
        requireTenant(tenant);
        return tx.read(tenant, "find the lead of capture source " + source + " of tenant " + tenant,
                c -> holderOf(c, tenant, source, ""));
    }

    // ---- status history ------------------------------------------------------------------------------------------

    @Override
    public void appendHistory(TenantId tenant, LeadStatusChange change) {
        requireTenant(tenant);
        tx.write(tenant, "append to the status history of lead " + change.leadId() + " of tenant " + tenant, c -> {
            int inserted;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + tables.leadStatusHistory
                    + " (tenant_id, " + HISTORY_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                    + (dialect.failedStatementAbortsTransaction()
                    ? " ON CONFLICT (tenant_id, lead_id, version) DO NOTHING" : ""))) {
                ps.setString(1, tenant.value());
                dialect.setUuid(ps, 2, change.leadId().value());
                ps.setLong(3, change.version());
                dialect.setInstant(ps, 4, change.at());
                setText(ps, 5, change.by() == null ? null : change.by().value());
                setText(ps, 6, change.from() == null ? null : change.from().name());
                ps.setString(7, change.to().name());
                setText(ps, 8, change.reason());
                inserted = ps.executeUpdate();
            } catch (SQLException e) {
                if (tx.errors().isUniqueViolation(e)) {
                    throw historyExists(change, e);
                }
                throw e;
            }
            if (inserted == 0) {
                throw historyExists(change, null);
            }
            return null;
        });
    }

    private static StorageException historyExists(LeadStatusChange change, SQLException cause) {
        return new StorageException("Lead " + change.leadId() + " already has a history entry at version "
                + change.version(), cause);
    }

    @Override
    public Slice<LeadStatusChange> history(TenantId tenant, LeadId lead, long afterVersion, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        Query q = historyQuery(tenant, lead, afterVersion, limit);
        return tx.read(tenant, "read the status history of lead " + lead + " of tenant " + tenant, c -> {
            try (PreparedStatement ps = q.prepare(c)) {
                List<LeadStatusChange> changes = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        changes.add(readChange(rs));
                    }
                }
                return Slice.of(changes, limit);
            }
        });
    }

    /** A range of the history's primary key (tenant, lead, version), in its order. */
    Query historyQuery(TenantId tenant, LeadId lead, long afterVersion, int limit) {
        return new Query(dialect, "SELECT " + HISTORY_COLUMNS + " FROM " + tables.leadStatusHistory
                + dialect.indexHint("PRIMARY") + " WHERE tenant_id = ?").text(tenant.value())
                .and("lead_id = ?").uuid(lead.value())
                .and("version > ?").number(afterVersion)
                .sql(dialect.orderBy("tenant_id, lead_id", "version") + " LIMIT ?").integer(limit + 1);
    }

    private LeadStatusChange readChange(ResultSet rs) throws SQLException {
        LeadId lead = new LeadId(dialect.getUuid(rs, "lead_id"));
        try {
            String by = rs.getString("changed_by");
            String from = rs.getString("from_status");
            return new LeadStatusChange(lead, rs.getLong("version"), dialect.getInstant(rs, "changed_at"),
                    by == null ? null : new UserId(by), from == null ? null : LeadStatus.valueOf(from),
                    LeadStatus.valueOf(rs.getString("to_status")), rs.getString("reason"));
        } catch (CrmException | IllegalArgumentException e) {
            if (e instanceof StorageException) {
                throw e;
            }
            throw new StorageException("the stored status history of lead " + lead + " cannot be read: "
                    + e.getMessage(), e);
        }
    }

    // ---- sequences -----------------------------------------------------------------------------------------------

    /**
     * Advances the sequence with one upsert: PostgreSQL {@code INSERT ... ON CONFLICT DO UPDATE ... RETURNING},
     * MariaDB/MySQL {@code INSERT ... ON DUPLICATE KEY UPDATE} and H2 {@code MERGE}, each followed (but on
     * PostgreSQL) by a read of the row, which the upsert has locked for the rest of the unit of work.
     */
    @Override
    public long nextInSequence(TenantId tenant, String name) {
        requireTenant(tenant);
        if (name == null || name.isEmpty() || name.length() > 200) {
            throw new StorageException("crmkit could not advance a sequence of tenant " + tenant
                    + ": a sequence name has 1 to 200 characters");
        }
        return tx.write(tenant, "advance the sequence " + name + " of tenant " + tenant, c -> {
            switch (dialect.family()) {
                case POSTGRESQL:
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + tables.leadSequence
                            + " AS s (tenant_id, name, counter) VALUES (?, ?, 1) ON CONFLICT (tenant_id, name)"
                            + " DO UPDATE SET counter = s.counter + 1 RETURNING counter")) {
                        ps.setString(1, tenant.value());
                        ps.setString(2, name);
                        try (ResultSet rs = ps.executeQuery()) {
                            rs.next();
                            return rs.getLong(1);
                        }
                    }
                case MYSQL:
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + tables.leadSequence
                            + " (tenant_id, name, counter) VALUES (?, ?, 1)"
                            + " ON DUPLICATE KEY UPDATE counter = counter + 1")) {
                        ps.setString(1, tenant.value());
                        ps.setString(2, name);
                        ps.executeUpdate();
                    }
                    return counter(c, tenant, name);
                default:
                    h2Retrying(c, tenant, "advance the sequence " + name, () -> {
                        try (PreparedStatement ps = c.prepareStatement("MERGE INTO " + tables.leadSequence
                                + " s USING (SELECT CAST(? AS VARCHAR(64)) tenant_id, CAST(? AS VARCHAR(200)) name"
                                + " FROM DUAL) v ON s.tenant_id = v.tenant_id AND s.name = v.name"
                                + " WHEN MATCHED THEN UPDATE SET counter = s.counter + 1"
                                + " WHEN NOT MATCHED THEN INSERT (tenant_id, name, counter)"
                                + " VALUES (v.tenant_id, v.name, 1)")) {
                            ps.setString(1, tenant.value());
                            ps.setString(2, name);
                            ps.executeUpdate();
                        }
                        return null;
                    });
                    return counter(c, tenant, name);
            }
        });
    }

    /** The sequence's value, as this unit of work (which holds the row's lock) left it. */
    private long counter(Connection c, TenantId tenant, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT counter FROM " + tables.leadSequence
                + " WHERE tenant_id = ? AND name = ?")) {
            ps.setString(1, tenant.value());
            ps.setString(2, name);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new StorageException("crmkit could not read the sequence " + name + " of tenant " + tenant
                            + " that it has just advanced");
                }
                return rs.getLong(1);
            }
        }
    }

    // ---- settings ------------------------------------------------------------------------------------------------

    @Override
    public Optional<LeadSettings> settings(TenantId tenant) {
        requireTenant(tenant);
        return tx.read(tenant, "read the lead settings of tenant " + tenant, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT settings FROM " + tables.leadSettings
                    + " WHERE tenant_id = ?")) {
                ps.setString(1, tenant.value());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<LeadSettings>empty();
                    }
                    return Optional.of(JsonColumns.LEAD_SETTINGS.read(rs.getString(1),
                            "lead settings of tenant " + tenant));
                }
            }
        });
    }

    @Override
    public void saveSettings(TenantId tenant, LeadSettings settings) {
        requireTenant(tenant);
        String json = JsonColumns.LEAD_SETTINGS.write(settings);
        tx.write(tenant, "save the lead settings of tenant " + tenant, c -> {
            String sql;
            switch (dialect.family()) {
                case POSTGRESQL:
                    sql = "INSERT INTO " + tables.leadSettings + " (tenant_id, settings) VALUES (?, "
                            + dialect.jsonParameter() + ") ON CONFLICT (tenant_id) DO UPDATE SET settings = "
                            + "EXCLUDED.settings";
                    break;
                case MYSQL:
                    sql = "INSERT INTO " + tables.leadSettings + " (tenant_id, settings) VALUES (?, ?)"
                            + " ON DUPLICATE KEY UPDATE settings = VALUES(settings)";
                    break;
                default:
                    sql = "MERGE INTO " + tables.leadSettings + " (tenant_id, settings) KEY (tenant_id) VALUES (?, ?)";
            }
            return h2Retrying(c, tenant, "save the lead settings", () -> {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setString(1, tenant.value());
                    dialect.setJson(ps, 2, json);
                    ps.executeUpdate();
                }
                return null;
            });
        });
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    /** SQL work that {@link #h2Retrying} may run more than once. */
    @FunctionalInterface
    private interface Step<T> {
        T run() throws SQLException;
    }

    /**
     * Runs an upsert; on H2 inside a savepoint, again after a unique violation: H2's MERGE is not atomic against a
     * concurrent transaction inserting the same key, whose row is visible (and updated) when it runs again.
     */
    private <T> T h2Retrying(Connection c, TenantId tenant, String doing, Step<T> step) throws SQLException {
        if (dialect.family() != Dialect.Family.H2) {
            return step.run();
        }
        for (int attempt = 1; ; attempt++) {
            Savepoint savepoint = c.setSavepoint();
            try {
                T result = step.run();
                c.releaseSavepoint(savepoint);
                return result;
            } catch (SQLException e) {
                c.rollback(savepoint);
                if (!tx.errors().isUniqueViolation(e) && !tx.errors().isRetryable(e)) {
                    throw e;
                }
                if (attempt == H2_ATTEMPTS) {
                    throw new RetryableStorageException("crmkit could not " + doing + " of tenant " + tenant
                            + ": concurrent units of work kept writing the same row; run the unit of work again", e);
                }
                pause(attempt);
            }
        }
    }

    private static void requireTenant(TenantId tenant) {
        if (tenant == null) {
            throw new TenantViolationException("a storage call must name its tenant");
        }
    }

    private static void requireTenant(TenantId tenant, Lead lead) {
        requireTenant(tenant);
        if (!lead.tenantId().equals(tenant)) {
            throw new TenantViolationException("Lead " + lead.id() + " belongs to tenant " + lead.tenantId()
                    + ", not to " + tenant);
        }
    }
}
