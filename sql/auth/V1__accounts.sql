CREATE TABLE users (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email         text        NOT NULL CHECK (email = lower(email) AND position('@' in email) > 1),
  password_hash text        NOT NULL,
  first_name    text,
  last_name     text,
  phone         text,
  is_active     boolean     NOT NULL DEFAULT true,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now()
);
-- Emails are stored lower-cased, so this unique index makes them unique case-insensitively.
CREATE UNIQUE INDEX users_email_key ON users (email);

CREATE TABLE user_roles (
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  role    text NOT NULL CHECK (role IN ('ADMIN', 'CUSTOMER', 'RESELLER')),
  PRIMARY KEY (user_id, role)
);
CREATE INDEX user_roles_admin_idx ON user_roles (role) WHERE role = 'ADMIN';

-- A family is one login's chain of rotations. Revoking it voids every token in it, including one that a
-- concurrent refresh inserts after the revocation.
CREATE TABLE refresh_families (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id       uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at    timestamptz NOT NULL DEFAULT now(),
  revoked_at    timestamptz,
  revoke_reason text
);
CREATE INDEX refresh_families_user_idx ON refresh_families (user_id);

-- Only a SHA-256 of each refresh token is stored.
CREATE TABLE refresh_tokens (
  id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id    uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  family_id  uuid        NOT NULL REFERENCES refresh_families (id) ON DELETE CASCADE,
  parent_id  uuid        REFERENCES refresh_tokens (id) ON DELETE SET NULL,
  token_hash bytea       NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at    timestamptz,
  revoked_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX refresh_tokens_hash_key ON refresh_tokens (token_hash);
CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id);

-- Development signing keys, generated at first start when no key is configured (never in prod).
CREATE TABLE dev_signing_keys (
  kid         text PRIMARY KEY,
  private_pem text        NOT NULL,
  public_pem  text        NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);
