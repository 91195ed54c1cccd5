-- crmkit schema version 4 for H2 2.x: a touchpoint's purchase amount holds every amount crm-core's Money allows
-- (38 digits, up to 4 of them fraction digits), as deal amounts already do.
-- ${prefix} is the table prefix (crmkit's default: crm_). Run by crmkit itself through Flyway, or by the host's own
-- migration tool after replacing the placeholders.

ALTER TABLE ${prefix}touchpoint ALTER COLUMN purchase_amount SET DATA TYPE numeric(42,4);
