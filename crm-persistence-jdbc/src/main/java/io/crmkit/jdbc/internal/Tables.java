package io.crmkit.jdbc.internal;

import java.util.regex.Pattern;

/**
 * The names of crmkit's tables: an optional schema, a prefix, and a fixed base name. Prefix and schema are the only
 * text ever put into SQL other than crmkit's own, and both are checked against a strict pattern first.
 */
public final class Tables {

    /** What a table prefix may look like. */
    public static final Pattern PREFIX = Pattern.compile("[a-z][a-z0-9_]{0,20}");
    /** What a schema name may look like. */
    public static final Pattern SCHEMA = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private final String schema;
    private final String prefix;

    public final String lead;
    public final String leadStatusHistory;
    public final String leadSource;
    public final String leadSequence;
    public final String leadSettings;
    public final String customer;
    public final String customerEmail;
    public final String customerPhone;
    public final String customerTag;
    public final String relationship;
    public final String touchpoint;
    public final String activity;
    public final String pipeline;
    public final String pipelineStage;
    public final String pipelineSettings;
    public final String deal;
    public final String dealHistory;
    public final String dealStageTotal;
    public final String task;

    public Tables(String schema, String prefix) {
        if (prefix == null || !PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("a table prefix must match " + PREFIX.pattern());
        }
        if (schema != null && !SCHEMA.matcher(schema).matches()) {
            throw new IllegalArgumentException("a schema name must match " + SCHEMA.pattern());
        }
        this.schema = schema;
        this.prefix = prefix;
        lead = name("lead");
        leadStatusHistory = name("lead_status_history");
        leadSource = name("lead_source");
        leadSequence = name("lead_sequence");
        leadSettings = name("lead_settings");
        customer = name("customer");
        customerEmail = name("customer_email");
        customerPhone = name("customer_phone");
        customerTag = name("customer_tag");
        relationship = name("relationship");
        touchpoint = name("touchpoint");
        activity = name("customer_activity");
        pipeline = name("pipeline");
        pipelineStage = name("pipeline_stage");
        pipelineSettings = name("pipeline_settings");
        deal = name("deal");
        dealHistory = name("deal_history");
        dealStageTotal = name("deal_stage_total");
        task = name("task");
    }

    private String name(String base) {
        return (schema == null ? "" : schema + ".") + prefix + base;
    }

    public String schema() {
        return schema;
    }

    public String prefix() {
        return prefix;
    }

    /** The name of one of crmkit's indexes, as the migrations name it ({@code touchpoint_timeline_ix}). */
    public String index(String base) {
        return prefix + base;
    }

    /** The name of the migration history table (without schema). */
    public String historyTable() {
        return prefix + "schema_history";
    }

    /** Every table crmkit's migrations create, qualified. */
    public java.util.List<String> all() {
        return java.util.List.of(lead, leadStatusHistory, leadSource, leadSequence, leadSettings, customer,
                customerEmail, customerPhone, customerTag, relationship, touchpoint, activity, pipeline, pipelineStage,
                pipelineSettings, deal, dealHistory, dealStageTotal, task);
    }
}
