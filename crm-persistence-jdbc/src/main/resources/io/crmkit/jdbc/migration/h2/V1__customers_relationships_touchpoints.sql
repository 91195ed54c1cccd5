-- crmkit schema version 1 for H2 2.x.
-- ${prefix} is the table prefix (crmkit's default: crm_). Run by crmkit itself through Flyway, or by the host's own
-- migration tool after replacing the placeholders. Every primary key, unique constraint and index starts with
-- tenant_id, so that the schema can be distributed by tenant (Citus, YugabyteDB).
CREATE TABLE ${prefix}customer (
    tenant_id           varchar(64)  NOT NULL,
    id                  uuid NOT NULL,
    version             bigint NOT NULL,
    kind                varchar(16)  NOT NULL,
    given_name          varchar(200),
    family_name         varchar(200),
    job_title           varchar(200),
    organisation_name   varchar(200),
    organisation_domain varchar(253),
    industry            varchar(200),
    employee_count      integer,
    emails              character large object NOT NULL,
    phones              character large object NOT NULL,
    addresses           character large object NOT NULL,
    tags                character large object NOT NULL,
    attributes          character large object NOT NULL,
    preferences         character large object NOT NULL,
    important_dates     character large object NOT NULL,
    owner               varchar(128),
    preferred_channel   varchar(16),
    do_not_contact      boolean NOT NULL,
    lifecycle_stage     varchar(32)  NOT NULL,
    created_at          timestamp(6) with time zone NOT NULL,
    updated_at          timestamp(6) with time zone NOT NULL,
    archived_at         timestamp(6) with time zone,
    CONSTRAINT ${prefix}customer_pk PRIMARY KEY (tenant_id, id)
);
CREATE INDEX ${prefix}customer_stage_ix ON ${prefix}customer (tenant_id, lifecycle_stage, id);

-- Look-up table: the customer's e-mail match keys, kept in step with ${prefix}customer.emails.
CREATE TABLE ${prefix}customer_email (
    tenant_id   varchar(64) NOT NULL,
    customer_id uuid NOT NULL,
    match_key   varchar(254) NOT NULL,
    CONSTRAINT ${prefix}customer_email_pk PRIMARY KEY (tenant_id, customer_id, match_key),
    CONSTRAINT ${prefix}customer_email_customer_fk FOREIGN KEY (tenant_id, customer_id)
        REFERENCES ${prefix}customer (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX ${prefix}customer_email_ix ON ${prefix}customer_email (tenant_id, match_key, customer_id);

-- Look-up table: the customer's E.164 numbers, kept in step with ${prefix}customer.phones.
CREATE TABLE ${prefix}customer_phone (
    tenant_id   varchar(64) NOT NULL,
    customer_id uuid NOT NULL,
    e164        varchar(16) NOT NULL,
    CONSTRAINT ${prefix}customer_phone_pk PRIMARY KEY (tenant_id, customer_id, e164),
    CONSTRAINT ${prefix}customer_phone_customer_fk FOREIGN KEY (tenant_id, customer_id)
        REFERENCES ${prefix}customer (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX ${prefix}customer_phone_ix ON ${prefix}customer_phone (tenant_id, e164, customer_id);

-- Look-up table: the customer's tags, kept in step with ${prefix}customer.tags.
CREATE TABLE ${prefix}customer_tag (
    tenant_id   varchar(64) NOT NULL,
    customer_id uuid NOT NULL,
    tag         varchar(100) NOT NULL,
    CONSTRAINT ${prefix}customer_tag_pk PRIMARY KEY (tenant_id, customer_id, tag),
    CONSTRAINT ${prefix}customer_tag_customer_fk FOREIGN KEY (tenant_id, customer_id)
        REFERENCES ${prefix}customer (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX ${prefix}customer_tag_ix ON ${prefix}customer_tag (tenant_id, tag, customer_id);

CREATE TABLE ${prefix}relationship (
    tenant_id     varchar(64) NOT NULL,
    id            uuid NOT NULL,
    from_id       uuid NOT NULL,
    to_id         uuid NOT NULL,
    label         varchar(60) NOT NULL,
    inverse_label varchar(60) NOT NULL,
    created_at    timestamp(6) with time zone NOT NULL,
    CONSTRAINT ${prefix}relationship_pk PRIMARY KEY (tenant_id, id)
);
CREATE INDEX ${prefix}relationship_from_ix ON ${prefix}relationship (tenant_id, from_id, id);
CREATE INDEX ${prefix}relationship_to_ix ON ${prefix}relationship (tenant_id, to_id, id);

-- Touchpoints are immutable. The same (source_system, source_external_id) is stored once per tenant: the unique
-- constraint is what makes ingestion idempotent, also between concurrent transactions.
CREATE TABLE ${prefix}touchpoint (
    tenant_id          varchar(64)  NOT NULL,
    id                 uuid NOT NULL,
    customer_id        uuid NOT NULL,
    channel            varchar(32)  NOT NULL,
    direction          varchar(16)  NOT NULL,
    occurred_at        timestamp(6) with time zone NOT NULL,
    recorded_at        timestamp(6) with time zone NOT NULL,
    subject            varchar(500),
    body               character varying(100000),
    handled_by         varchar(128),
    deal_id            uuid,
    attributes         character large object,
    purchase_amount    numeric(38,4),
    purchase_currency  char(3),
    order_reference    varchar(100),
    source_system      varchar(64),
    source_external_id varchar(200),
    CONSTRAINT ${prefix}touchpoint_pk PRIMARY KEY (tenant_id, id),
    CONSTRAINT ${prefix}touchpoint_source_uq UNIQUE (tenant_id, source_system, source_external_id)
);
-- The timeline: one customer's touchpoints newest first, read as a range of this index.
CREATE INDEX ${prefix}touchpoint_timeline_ix ON ${prefix}touchpoint (tenant_id, customer_id, occurred_at DESC, id DESC);

-- One row per customer with touchpoints, updated in the transaction that records them.
CREATE TABLE ${prefix}customer_activity (
    tenant_id          varchar(64) NOT NULL,
    customer_id        uuid NOT NULL,
    count_email             bigint NOT NULL,
    count_call              bigint NOT NULL,
    count_meeting           bigint NOT NULL,
    count_chat              bigint NOT NULL,
    count_sms               bigint NOT NULL,
    count_social            bigint NOT NULL,
    count_web_visit         bigint NOT NULL,
    count_form_submission   bigint NOT NULL,
    count_store_visit       bigint NOT NULL,
    count_purchase          bigint NOT NULL,
    count_support_request   bigint NOT NULL,
    count_other             bigint NOT NULL,
    last_touchpoint_id uuid NOT NULL,
    last_touchpoint_at timestamp(6) with time zone NOT NULL,
    last_purchase_at   timestamp(6) with time zone,
    CONSTRAINT ${prefix}customer_activity_pk PRIMARY KEY (tenant_id, customer_id)
);
-- Lapsed buyers: oldest last purchase first.
CREATE INDEX ${prefix}customer_activity_lapsed_ix ON ${prefix}customer_activity (tenant_id, last_purchase_at, customer_id);
