-- crmkit schema version 4 for PostgreSQL 13+: a touchpoint's purchase amount holds every amount crm-core's Money
-- allows (38 digits, up to 4 of them fraction digits), as deal amounts already do. Raising a numeric's precision at
-- the same scale needs no table rewrite.
-- ${prefix} is the table prefix (crmkit's default: crm_). Run by crmkit itself through Flyway, or by the host's own
-- migration tool after replacing the placeholders.

ALTER TABLE ${prefix}touchpoint ALTER COLUMN purchase_amount TYPE numeric(42,4);
