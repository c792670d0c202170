\set i random(40001, 80000)
SELECT id, order_id, user_id, method, provider, provider_order_id, provider_payment_id, status, amount, currency, request_hash, failure_reason, created_at, updated_at FROM payments WHERE provider_order_id = ('order_wh' || :i);
BEGIN;
SELECT id, number, user_id, status, seller_id, share_link_id, share_link_code, currency, total_amount, commission_amount, shipping_address, payment_id, cash_on_delivery, request_hash, created_at, updated_at FROM orders WHERE id = (md5('webhook-order:' || :i)::uuid) FOR UPDATE;
WITH u AS (UPDATE orders SET status = ('PAID'), payment_id = coalesce((md5('webhook-payment:' || :i)::uuid), payment_id), version = version + 1, updated_at = now() WHERE id = (md5('webhook-order:' || :i)::uuid) RETURNING updated_at), h AS (INSERT INTO order_status_history (order_id, from_status, to_status, actor, notes) VALUES ((md5('webhook-order:' || :i)::uuid), ('PENDING'), ('PAID'), ('service-payment'), (NULL::text))) SELECT updated_at FROM u;
INSERT INTO "order".outbox (event_id, type, body) VALUES ((gen_random_uuid()), ('order.paid'), ('{"type": "order.paid","data": {"orderId": "x","status": "PAID","fromStatus": "PENDING","totalAmount": 50000,"currency": "INR"}}'));
COMMIT;
SELECT variant_id, product_id, product_name, sku, quantity, unit_price, line_total, commission_rate_bps, commission FROM order_lines WHERE order_id = (md5('webhook-order:' || :i)::uuid) ORDER BY line_no;
BEGIN;
INSERT INTO provider_events (event_id, payment_id, type) VALUES (('pay_wh' || :i || '-captured'), (md5('webhook-payment:' || :i)::uuid), ('payment.captured')) ON CONFLICT (event_id) DO NOTHING;
UPDATE payments SET status = ('SUCCEEDED'), provider_payment_id = ('pay_wh' || :i), failure_reason = (NULL::text), updated_at = now() WHERE id = (md5('webhook-payment:' || :i)::uuid) AND status = 'CREATED' RETURNING id, order_id, user_id, method, provider, provider_order_id, provider_payment_id, status, amount, currency, request_hash, failure_reason, created_at, updated_at;
INSERT INTO payment.outbox (event_id, type, body) VALUES ((gen_random_uuid()), ('payment.succeeded'), ('{"type": "payment.succeeded","data": {"paymentId": "x","orderId": "x","amount": 50000,"currency": "INR","cause": "captured","commissionAmount": 0}}'));
COMMIT;
