-- crmkit schema version 2 for MariaDB 10.6+ and MySQL 8+ (${collation}: utf8mb4_nopad_bin on MariaDB, utf8mb4_0900_bin on MySQL):
-- pipelines, deals with their append-only history, tasks.
-- ${prefix} is the table prefix (crmkit's default: crm_). Run by crmkit itself through Flyway, or by the host's own
-- migration tool after replacing the placeholders. Every primary key, unique constraint and index starts with
-- tenant_id, so that the schema can be distributed by tenant (Citus, YugabyteDB).
CREATE TABLE ${prefix}pipeline (
    tenant_id  varchar(64) NOT NULL,
    id         binary(16) NOT NULL,
    version    bigint NOT NULL,
    name       varchar(200) NOT NULL,
    policy     varchar(32) NOT NULL,
    created_at datetime(6) NOT NULL,
    updated_at datetime(6) NOT NULL,
    PRIMARY KEY (tenant_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=${collation};

-- A pipeline's stages in board order (position 0 first), retired ones included: written whole with the pipeline.
CREATE TABLE ${prefix}pipeline_stage (
    tenant_id          varchar(64) NOT NULL,
    pipeline_id        binary(16) NOT NULL,
    position           integer NOT NULL,
    stage_id           binary(16) NOT NULL,
    name               varchar(100) NOT NULL,
    kind               varchar(8) NOT NULL,
    probability        integer NOT NULL,
    forecast_category  varchar(16) NOT NULL,
    follow_up_subject  varchar(500),
    follow_up_seconds  bigint,
    follow_up_priority varchar(8),
    retired            boolean NOT NULL,
    PRIMARY KEY (tenant_id, pipeline_id, position),
    CONSTRAINT ${prefix}pipeline_stage_pipeline_fk FOREIGN KEY (tenant_id, pipeline_id)
        REFERENCES ${prefix}pipeline (tenant_id, id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=${collation};

-- One row per tenant that saved its pipeline settings; the lost reasons are a JSON array of strings, in order.
CREATE TABLE ${prefix}pipeline_settings (
    tenant_id           varchar(64) NOT NULL,
    version             bigint NOT NULL,
    default_pipeline_id binary(16),
    lost_reasons        json NOT NULL,
    updated_at          datetime(6) NOT NULL,
    PRIMARY KEY (tenant_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=${collation};

-- Deals. weighted_amount is amount × probability / 100 rounded half-even to the currency's scale, as crm-core
-- computes it per deal; totals add up these per-deal values.
CREATE TABLE ${prefix}deal (
    tenant_id              varchar(64) NOT NULL,
    id                     binary(16) NOT NULL,
    version                bigint NOT NULL,
    name                   varchar(200) NOT NULL,
    customer_id            binary(16) NOT NULL,
    owner                  varchar(128) NOT NULL,
    amount                 decimal(42,4) NOT NULL,
    currency               char(3) NOT NULL,
    weighted_amount        decimal(42,4) NOT NULL,
    expected_close_date    date NOT NULL,
    pipeline_id            binary(16) NOT NULL,
    stage_id               binary(16) NOT NULL,
    status                 varchar(8) NOT NULL,
    probability            integer NOT NULL,
    probability_overridden boolean NOT NULL,
    stage_entered_at       datetime(6) NOT NULL,
    source_lead_id         binary(16),
    campaign               varchar(200),
    closed_at              datetime(6),
    lost_reason            varchar(100),
    lost_note              varchar(2000),
    created_at             datetime(6) NOT NULL,
    updated_at             datetime(6) NOT NULL,
    PRIMARY KEY (tenant_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=${collation};
-- The board: a stage's deals by id.
CREATE INDEX ${prefix}deal_stage_ix ON ${prefix}deal (tenant_id, pipeline_id, stage_id, id);
-- Stalled deals: a stage's deals by the instant they entered it.
CREATE INDEX ${prefix}deal_stage_entry_ix ON ${prefix}deal (tenant_id, pipeline_id, stage_id, stage_entered_at, id);
CREATE INDEX ${prefix}deal_owner_ix ON ${prefix}deal (tenant_id, owner, id);
CREATE INDEX ${prefix}deal_owner_status_ix ON ${prefix}deal (tenant_id, owner, status, id);
CREATE INDEX ${prefix}deal_customer_ix ON ${prefix}deal (tenant_id, customer_id, id);
CREATE INDEX ${prefix}deal_close_date_ix ON ${prefix}deal (tenant_id, expected_close_date, id);
CREATE INDEX ${prefix}deal_status_close_date_ix ON ${prefix}deal (tenant_id, status, expected_close_date, id);
-- The figures of a period: open deals by expected close date, closed ones by closing instant.
CREATE INDEX ${prefix}deal_open_totals_ix ON ${prefix}deal (tenant_id, pipeline_id, status, expected_close_date);
CREATE INDEX ${prefix}deal_closed_totals_ix ON ${prefix}deal (tenant_id, pipeline_id, status, closed_at);

-- A deal's history: one row per saved change, numbered by the deal version it produced. Rows are only ever inserted.
CREATE TABLE ${prefix}deal_history (
    tenant_id                     varchar(64) NOT NULL,
    deal_id                       binary(16) NOT NULL,
    version                       bigint NOT NULL,
    kind                          varchar(32) NOT NULL,
    changed_at                    datetime(6) NOT NULL,
    changed_by                    varchar(128) NOT NULL,
    before_stage_id               binary(16),
    before_status                 varchar(8),
    before_amount                 decimal(42,4),
    before_currency               char(3),
    before_probability            integer,
    before_probability_overridden boolean,
    before_close_date             date,
    before_owner                  varchar(128),
    after_stage_id                binary(16) NOT NULL,
    after_status                  varchar(8) NOT NULL,
    after_amount                  decimal(42,4) NOT NULL,
    after_currency                char(3) NOT NULL,
    after_probability             integer NOT NULL,
    after_probability_overridden  boolean NOT NULL,
    after_close_date              date NOT NULL,
    after_owner                   varchar(128) NOT NULL,
    lost_reason                   varchar(100),
    lost_note                     varchar(2000),
    PRIMARY KEY (tenant_id, deal_id, version),
    CONSTRAINT ${prefix}deal_history_deal_fk FOREIGN KEY (tenant_id, deal_id)
        REFERENCES ${prefix}deal (tenant_id, id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=${collation};

-- Running totals per (pipeline, stage, currency), changed in the transaction that saves a deal: the pipeline summary
-- reads these few rows instead of adding up every deal the pipeline ever held. Rows whose deal_count is 0 hold no
-- deals and are left out of the summary.
CREATE TABLE ${prefix}deal_stage_total (
    tenant_id       varchar(64) NOT NULL,
    pipeline_id     binary(16) NOT NULL,
    stage_id        binary(16) NOT NULL,
    currency        char(3) NOT NULL,
    deal_count      bigint NOT NULL,
    amount          decimal(65,4) NOT NULL,
    weighted_amount decimal(65,4) NOT NULL,
    PRIMARY KEY (tenant_id, pipeline_id, stage_id, currency)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=${collation};

CREATE TABLE ${prefix}task (
    tenant_id    varchar(64) NOT NULL,
    id           binary(16) NOT NULL,
    version      bigint NOT NULL,
    subject      varchar(500) NOT NULL,
    notes        text,
    due_at       datetime(6) NOT NULL,
    assignee     varchar(128) NOT NULL,
    priority     varchar(8) NOT NULL,
    customer_id  binary(16),
    lead_id      binary(16),
    deal_id      binary(16),
    status       varchar(16) NOT NULL,
    completed_at datetime(6),
    completed_by varchar(128),
    created_at   datetime(6) NOT NULL,
    updated_at   datetime(6) NOT NULL,
    PRIMARY KEY (tenant_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=${collation};
-- Open tasks (status OPEN) of an assignee and of everybody, by due instant.
CREATE INDEX ${prefix}task_status_assignee_ix ON ${prefix}task (tenant_id, status, assignee, due_at, id);
CREATE INDEX ${prefix}task_status_due_ix ON ${prefix}task (tenant_id, status, due_at, id);
CREATE INDEX ${prefix}task_customer_ix ON ${prefix}task (tenant_id, customer_id, due_at, id);
CREATE INDEX ${prefix}task_lead_ix ON ${prefix}task (tenant_id, lead_id, due_at, id);
CREATE INDEX ${prefix}task_deal_ix ON ${prefix}task (tenant_id, deal_id, due_at, id);
