\set r random(1, 20)
\set n random(1, 4000000000000000000)
SELECT id, reseller_id, amount, currency, bank_account, notes, admin_notes, status, request_hash, created_at, updated_at FROM payouts WHERE reseller_id = (md5('reseller:' || :r)::uuid) AND idempotency_key = (('pgbench-' || :client_id || '-' || :n));
BEGIN;
INSERT INTO payouts (id, reseller_id, amount, currency, bank_account, notes, status, idempotency_key, request_hash) VALUES ((md5('pgbench-payout-' || :client_id || '-' || :n)::uuid), (md5('reseller:' || :r)::uuid), (1), ('INR'), ('HDFC 0001 2345 67'), (NULL::text), 'REQUESTED', (('pgbench-' || :client_id || '-' || :n)), ('h')) RETURNING id, reseller_id, amount, currency, bank_account, notes, admin_notes, status, request_hash, created_at, updated_at;
SELECT t.seq FROM transfer((gen_random_uuid()), (md5('reseller:' || :r)::uuid), (md5('reseller:' || :r)::uuid), ('AVAILABLE'), (md5('reseller:' || :r)::uuid), ('PAYOUT_HOLD'), ('INR'), (1), ('PAYOUT_HOLD'), ((md5('pgbench-payout-' || :client_id || '-' || :n)::uuid)::text)) t;
INSERT INTO wallet.outbox (event_id, type, body) VALUES ((gen_random_uuid()), ('wallet.payout.requested'), ('{"type": "wallet.payout.requested","data": {"payoutId": "x","resellerId": "x","amount": 1,"currency": "INR","status": "REQUESTED"}}'));
COMMIT;
