-- The shop's own tables: plain SQL that H2 and PostgreSQL both run. crmkit's tables (crm_*) are not here: crmkit
-- migrates them itself.
CREATE TABLE IF NOT EXISTS shop_product (
    sku  VARCHAR(40)  PRIMARY KEY,
    name VARCHAR(200) NOT NULL
);

CREATE TABLE IF NOT EXISTS shop_order (
    order_id      VARCHAR(64)              PRIMARY KEY,
    customer_id   UUID                     NOT NULL,
    placed_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    currency      CHAR(3)                  NOT NULL,
    total         DECIMAL(19, 4)           NOT NULL,
    touchpoint_id UUID
);

CREATE TABLE IF NOT EXISTS shop_order_line (
    order_id   VARCHAR(64)    NOT NULL REFERENCES shop_order (order_id),
    line_no    INT            NOT NULL,
    sku        VARCHAR(40)    NOT NULL REFERENCES shop_product (sku),
    quantity   INT            NOT NULL,
    unit_price DECIMAL(19, 4) NOT NULL,
    PRIMARY KEY (order_id, line_no)
);
