\set r random(1, 20)
BEGIN;
INSERT INTO wallet.inbox (consumer, event_id) VALUES (('wallet.commissions'), (gen_random_uuid())) ON CONFLICT DO NOTHING;
SELECT t.seq FROM transfer((gen_random_uuid()), (md5('reseller:' || :r)::uuid), (NULL::uuid), ('COMMISSION_EXPENSE'), (md5('reseller:' || :r)::uuid), ('PENDING'), ('INR'), (1000), ('COMMISSION_PENDING'), (gen_random_uuid()::text)) t;
INSERT INTO wallet.outbox (event_id, type, body) VALUES ((gen_random_uuid()), ('wallet.commission.pending'), ('{"type": "wallet.commission.pending","data": {"resellerId": "x","orderId": "x","transferId": "x","amount": 1000,"currency": "INR"}}'));
COMMIT;
