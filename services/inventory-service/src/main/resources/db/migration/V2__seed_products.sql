-- The contract's seed catalog. Version 1, never published: the service publishes each product's state when it starts.
INSERT INTO product (sku, name, price, currency, available, reserved, version, published_version, updated_at)
VALUES ('KB-001', 'Mechanical keyboard', 89.00, 'EUR', 100, 0, 1, 0, clock_timestamp()),
       ('MS-002', 'Wireless mouse', 29.00, 'EUR', 100, 0, 1, 0, clock_timestamp()),
       ('MN-003', '27-inch monitor', 249.00, 'EUR', 50, 0, 1, 0, clock_timestamp()),
       ('HB-004', 'USB-C hub', 39.00, 'EUR', 100, 0, 1, 0, clock_timestamp()),
       ('CB-005', 'Limited edition cable', 9.00, 'EUR', 5, 0, 1, 0, clock_timestamp()),
       ('LS-006', 'Laptop stand', 45.00, 'EUR', 0, 0, 1, 0, clock_timestamp());
