-- crmkit schema version 3 for H2 2.x: leads (with their status history, capture source keys, assignment
-- sequences and settings), touchpoints of leads, and the organisation look-ups of conversion.
-- ${prefix} is the table prefix (crmkit's default: crm_). Run by crmkit itself through Flyway, or by the host's own
-- migration tool after replacing the placeholders. Every primary key, unique constraint and index starts with
-- tenant_id, so that the schema can be distributed by tenant (Citus, YugabyteDB).

-- Leads. first_* and last_* are the first- and last-touch attribution (channel and UTM fields); email_key is the
-- e-mail's match key (lower-cased), phone_e164 the number without its extension: the look-up keys of capture.
CREATE TABLE ${prefix}lead (
    tenant_id               varchar(64) NOT NULL,
    id                      uuid NOT NULL,
    version                 bigint NOT NULL,
    given_name              varchar(200),
    family_name             varchar(200),
    job_title               varchar(200),
    company                 varchar(200),
    company_domain          varchar(253),
    country_code            char(2),
    email                   varchar(254),
    email_key               varchar(254),
    phone_e164              varchar(16),
    phone_extension         varchar(10),
    attributes              character large object NOT NULL,
    source_system           varchar(64),
    source_external_id      varchar(200),
    first_channel           varchar(16) NOT NULL,
    first_campaign          varchar(200),
    first_medium            varchar(200),
    first_term              varchar(200),
    first_content           varchar(200),
    first_referrer_url      varchar(2000),
    first_landing_page      varchar(2000),
    first_at                timestamp(6) with time zone NOT NULL,
    last_channel            varchar(16) NOT NULL,
    last_campaign           varchar(200),
    last_medium             varchar(200),
    last_term               varchar(200),
    last_content            varchar(200),
    last_referrer_url       varchar(2000),
    last_landing_page       varchar(2000),
    last_at                 timestamp(6) with time zone NOT NULL,
    owner                   varchar(128),
    status                  varchar(16) NOT NULL,
    disqualification_reason varchar(100),
    qualification           varchar(32) NOT NULL,
    bant                    character large object,
    score                   numeric(38,2),
    scored_at               timestamp(6) with time zone,
    possible_duplicates     character large object,
    customer_id             uuid,
    conversion              character large object,
    created_at              timestamp(6) with time zone NOT NULL,
    updated_at              timestamp(6) with time zone NOT NULL,
    CONSTRAINT ${prefix}lead_pk PRIMARY KEY (tenant_id, id)
);
-- Lists by status, by owner, and by owner and status, each in id order; look-ups by e-mail and phone.
CREATE INDEX ${prefix}lead_status_ix ON ${prefix}lead (tenant_id, status, id);
CREATE INDEX ${prefix}lead_owner_ix ON ${prefix}lead (tenant_id, owner, id);
CREATE INDEX ${prefix}lead_owner_status_ix ON ${prefix}lead (tenant_id, owner, status, id);
CREATE INDEX ${prefix}lead_email_ix ON ${prefix}lead (tenant_id, email_key, id);
CREATE INDEX ${prefix}lead_phone_ix ON ${prefix}lead (tenant_id, phone_e164, id);

-- A lead's status history: insert-only, one entry per version of the lead.
CREATE TABLE ${prefix}lead_status_history (
    tenant_id   varchar(64) NOT NULL,
    lead_id     uuid NOT NULL,
    version     bigint NOT NULL,
    changed_at  timestamp(6) with time zone NOT NULL,
    changed_by  varchar(128),
    from_status varchar(16),
    to_status   varchar(16) NOT NULL,
    reason      varchar(500),
    CONSTRAINT ${prefix}lead_status_history_pk PRIMARY KEY (tenant_id, lead_id, version)
);

-- The source keys of captures: the idempotency key of capturing. The primary key decides which of two concurrent
-- captures of the same source gets it; a key may be claimed before its lead is stored, so there is no foreign key.
CREATE TABLE ${prefix}lead_source (
    tenant_id          varchar(64) NOT NULL,
    source_system      varchar(64) NOT NULL,
    source_external_id varchar(200) NOT NULL,
    lead_id            uuid NOT NULL,
    CONSTRAINT ${prefix}lead_source_pk PRIMARY KEY (tenant_id, source_system, source_external_id)
);

-- Named per-tenant sequences (round-robin assignment): advanced by an upsert that returns the new value.
CREATE TABLE ${prefix}lead_sequence (
    tenant_id varchar(64) NOT NULL,
    name      varchar(200) NOT NULL,
    counter   bigint NOT NULL,
    CONSTRAINT ${prefix}lead_sequence_pk PRIMARY KEY (tenant_id, name)
);

-- A tenant's own lead settings (disqualification reasons, MQL rule, SQL policy, scoring model), as crm-jackson JSON.
CREATE TABLE ${prefix}lead_settings (
    tenant_id varchar(64) NOT NULL,
    settings  character large object NOT NULL,
    CONSTRAINT ${prefix}lead_settings_pk PRIMARY KEY (tenant_id)
);

-- A touchpoint belongs to a customer or to a lead, never both; a lead's timeline is a range of its own index.
ALTER TABLE ${prefix}touchpoint ALTER COLUMN customer_id SET NULL;
ALTER TABLE ${prefix}touchpoint ADD COLUMN lead_id uuid;
ALTER TABLE ${prefix}touchpoint ADD CONSTRAINT ${prefix}touchpoint_party_ck
    CHECK ((customer_id IS NULL) <> (lead_id IS NULL));
CREATE INDEX ${prefix}touchpoint_lead_timeline_ix
    ON ${prefix}touchpoint (tenant_id, lead_id, occurred_at DESC, id DESC);

-- Matching a converted lead's company: organisations by domain and by name ignoring case. organisation_name_key is
-- written by crmkit (each character upper- then lower-cased, as Java's equalsIgnoreCase compares); rows of version 1
-- get LOWER(name), the same for every name whose letters the database lower-cases as Java does.
ALTER TABLE ${prefix}customer ADD COLUMN organisation_name_key varchar(400);
UPDATE ${prefix}customer SET organisation_name_key = LOWER(organisation_name) WHERE organisation_name IS NOT NULL;
CREATE INDEX ${prefix}customer_organisation_domain_ix ON ${prefix}customer (tenant_id, organisation_domain, id);
CREATE INDEX ${prefix}customer_organisation_name_ix ON ${prefix}customer (tenant_id, organisation_name_key, id);
