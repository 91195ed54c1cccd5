-- The shop's catalogue; run at every start, so each row is inserted only if it is not there yet.
INSERT INTO shop_product (sku, name)
SELECT 'FIG-CEDAR', 'Fig & cedar candle' WHERE NOT EXISTS (SELECT 1 FROM shop_product WHERE sku = 'FIG-CEDAR');
INSERT INTO shop_product (sku, name)
SELECT 'SEA-SALT', 'Sea salt candle' WHERE NOT EXISTS (SELECT 1 FROM shop_product WHERE sku = 'SEA-SALT');
INSERT INTO shop_product (sku, name)
SELECT 'WICK-TRIM', 'Wick trimmer' WHERE NOT EXISTS (SELECT 1 FROM shop_product WHERE sku = 'WICK-TRIM');
