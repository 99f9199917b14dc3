-- Stands for a service's own migrations, applied on a schema that has only the kit's V0_1.
CREATE TABLE a_service_table (id BIGINT PRIMARY KEY);
