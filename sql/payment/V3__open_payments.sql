-- Reconciliation reads payments still open, oldest first.
CREATE INDEX payments_open_since ON payments (created_at) WHERE status = 'CREATED';
