-- Reconciliation finishes an order the venue says it does not know only after several consecutive
-- such answers (not_found_count, kept across restarts), and marks the status it then infers:
-- a later venue report of the order (open, filled) overrides an inferred status, never a reported one.
ALTER TABLE orders ADD COLUMN not_found_count INT     NOT NULL DEFAULT 0;
ALTER TABLE orders ADD COLUMN status_inferred BOOLEAN NOT NULL DEFAULT false;
