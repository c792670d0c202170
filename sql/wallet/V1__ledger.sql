-- The wallet: a double-entry ledger. Money only moves between accounts, by transfers that are never changed or
-- removed; an account's balance changes only in the transaction that writes its transfer. The event kit's outbox
-- and inbox come from the events schema.
SELECT events.create_outbox('wallet');
SELECT events.create_inbox('wallet');

-- A reseller has PENDING, AVAILABLE and PAYOUT_HOLD per currency; the platform (no owner) has COMMISSION_EXPENSE,
-- which funds commissions and so runs negative, and PAYOUTS_SETTLED, where paid-out money ends. Balances are signed
-- (credit adds, debit subtracts), so all the accounts of a currency always sum to zero.
CREATE TABLE accounts (
  id       bigint  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  owner_id uuid,
  kind     text    NOT NULL CHECK (kind IN ('PENDING', 'AVAILABLE', 'PAYOUT_HOLD', 'COMMISSION_EXPENSE',
                                            'PAYOUTS_SETTLED')),
  currency char(3) NOT NULL,
  balance  bigint  NOT NULL DEFAULT 0,
  CONSTRAINT accounts_one_per_kind UNIQUE NULLS NOT DISTINCT (owner_id, kind, currency),
  CONSTRAINT accounts_owner_matches_kind CHECK ((owner_id IS NULL) = (kind IN ('COMMISSION_EXPENSE', 'PAYOUTS_SETTLED'))),
  CONSTRAINT reseller_balance_never_negative CHECK (owner_id IS NULL OR balance >= 0)
);

-- Every transfer touches exactly one reseller's accounts (and at most one platform account), so a reseller's history
-- is one index range. The cause (an order id for commissions, a payout id for payouts) is unique per kind: the same
-- cause can never move money twice, whatever the inbox lets through.
CREATE TABLE transfers (
  seq            bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  id             uuid        NOT NULL UNIQUE,
  reseller_id    uuid        NOT NULL,
  debit_account  bigint      NOT NULL REFERENCES accounts (id),
  credit_account bigint      NOT NULL REFERENCES accounts (id),
  amount         bigint      NOT NULL CHECK (amount > 0),
  currency       char(3)     NOT NULL,
  kind           text        NOT NULL CHECK (kind IN ('COMMISSION_PENDING', 'COMMISSION_AVAILABLE',
                                                     'COMMISSION_REVERSED', 'PAYOUT_HOLD', 'PAYOUT_RELEASED',
                                                     'PAYOUT_SETTLED')),
  cause          text        NOT NULL,
  debit_before   bigint      NOT NULL,
  debit_after    bigint      NOT NULL,
  credit_before  bigint      NOT NULL,
  credit_after   bigint      NOT NULL,
  created_at     timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT transfers_once_per_cause UNIQUE (kind, cause),
  CONSTRAINT transfers_between_two_accounts CHECK (debit_account <> credit_account),
  CONSTRAINT transfers_balances_add_up CHECK (debit_after = debit_before - amount AND credit_after = credit_before + amount)
);
-- An order's pending commission is settled once: released on delivery or reversed on cancellation, never both.
CREATE UNIQUE INDEX transfers_pending_settled_once ON transfers (cause)
  WHERE kind IN ('COMMISSION_AVAILABLE', 'COMMISSION_REVERSED');
CREATE INDEX transfers_by_reseller ON transfers (reseller_id, seq DESC);
CREATE INDEX transfers_by_reseller_kind ON transfers (reseller_id, kind, seq DESC);

CREATE FUNCTION ledger_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'transfers are append-only' USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER transfers_append_only BEFORE UPDATE OR DELETE ON transfers
  FOR EACH ROW EXECUTE FUNCTION ledger_is_append_only();
CREATE TRIGGER transfers_no_truncate BEFORE TRUNCATE ON transfers
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_is_append_only();

-- One transfer in one round trip. Missing accounts are opened, both are locked in id order (two transfers over
-- the same accounts never deadlock); the debit is checked by the accounts' CHECK, so a reseller account that would
-- go below zero fails the whole transaction with check_violation. A cause already moved returns no row. It runs in
-- this schema whatever the caller's search_path.
CREATE FUNCTION transfer(p_id uuid, p_reseller uuid, p_debit_owner uuid, p_debit_kind text, p_credit_owner uuid,
                         p_credit_kind text, p_currency char(3), p_amount bigint, p_kind text, p_cause text)
RETURNS SETOF transfers LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
DECLARE
  debit_id  bigint;
  credit_id bigint;
  debited   bigint;
  credited  bigint;
BEGIN
  IF EXISTS (SELECT 1 FROM transfers WHERE kind = p_kind AND cause = p_cause) THEN
    RETURN;
  END IF;
  -- A reseller's three accounts are opened together, in the order money flows through them, so that their ids,
  -- and with them every transaction's lock order, follow the flow (PENDING, AVAILABLE, PAYOUT_HOLD).
  INSERT INTO accounts (owner_id, kind, currency) VALUES (p_reseller, 'PENDING', p_currency),
    (p_reseller, 'AVAILABLE', p_currency), (p_reseller, 'PAYOUT_HOLD', p_currency)
    ON CONFLICT ON CONSTRAINT accounts_one_per_kind DO NOTHING;
  INSERT INTO accounts (owner_id, kind, currency) SELECT NULL, k, p_currency
    FROM unnest(ARRAY[p_debit_kind, p_credit_kind]) k WHERE k IN ('COMMISSION_EXPENSE', 'PAYOUTS_SETTLED')
    ON CONFLICT ON CONSTRAINT accounts_one_per_kind DO NOTHING;
  SELECT id INTO debit_id FROM accounts
    WHERE owner_id IS NOT DISTINCT FROM p_debit_owner AND kind = p_debit_kind AND currency = p_currency;
  SELECT id INTO credit_id FROM accounts
    WHERE owner_id IS NOT DISTINCT FROM p_credit_owner AND kind = p_credit_kind AND currency = p_currency;
  PERFORM 1 FROM accounts WHERE id IN (debit_id, credit_id) ORDER BY id FOR UPDATE;
  UPDATE accounts SET balance = balance - p_amount WHERE id = debit_id RETURNING balance INTO debited;
  UPDATE accounts SET balance = balance + p_amount WHERE id = credit_id RETURNING balance INTO credited;
  RETURN QUERY INSERT INTO transfers (id, reseller_id, debit_account, credit_account, amount, currency, kind, cause,
      debit_before, debit_after, credit_before, credit_after)
    VALUES (p_id, p_reseller, debit_id, credit_id, p_amount, p_currency, p_kind, p_cause, debited + p_amount,
      debited, credited - p_amount, credited)
    RETURNING *;
END
$$;

-- Payouts: the reseller's request holds the amount (AVAILABLE -> PAYOUT_HOLD); an ADMIN approves it, then processes
-- it (PAYOUT_HOLD -> PAYOUTS_SETTLED), or rejects it (PAYOUT_HOLD -> AVAILABLE).
CREATE TABLE payouts (
  id              uuid        PRIMARY KEY,
  reseller_id     uuid        NOT NULL,
  amount          bigint      NOT NULL CHECK (amount > 0),
  currency        char(3)     NOT NULL,
  bank_account    text        NOT NULL,
  notes           text,
  admin_notes     text,
  status          text        NOT NULL CHECK (status IN ('REQUESTED', 'APPROVED', 'REJECTED', 'PROCESSED')),
  idempotency_key text        NOT NULL,
  request_hash    text        NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT payouts_idempotency UNIQUE (reseller_id, idempotency_key)
);
CREATE INDEX payouts_by_reseller ON payouts (reseller_id, created_at DESC, id DESC);
CREATE INDEX payouts_by_status ON payouts (status, created_at DESC, id DESC);
