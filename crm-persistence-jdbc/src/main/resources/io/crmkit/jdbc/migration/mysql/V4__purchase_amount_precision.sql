-- crmkit schema version 4 for MariaDB 10.6+ and MySQL 8+: a touchpoint's purchase amount holds every amount
-- crm-core's Money allows (38 digits, up to 4 of them fraction digits), as deal amounts already do. MariaDB and MySQL
-- copy the table to change a DECIMAL's precision: on a large touchpoint table, plan the upgrade (or run this file
-- with an online schema change tool).
-- ${prefix} is the table prefix (crmkit's default: crm_). Run by crmkit itself through
-- Flyway, or by the host's own migration tool after replacing the placeholders.

ALTER TABLE ${prefix}touchpoint MODIFY COLUMN purchase_amount decimal(42,4);
