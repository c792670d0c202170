CREATE TABLE product_pricing (
  product_id          uuid PRIMARY KEY,
  base_price          bigint      NOT NULL CHECK (base_price >= 0),
  reseller_price      bigint      NOT NULL CHECK (reseller_price >= 0),
  currency            char(3)     NOT NULL,
  commission_rate_bps integer     NOT NULL CHECK (commission_rate_bps BETWEEN 0 AND 10000),
  min_margin_bps      integer     CHECK (min_margin_bps BETWEEN 0 AND 10000),
  version             integer     NOT NULL DEFAULT 1,
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now()
);
