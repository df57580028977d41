CREATE TABLE customers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  display_name text CHECK (length(display_name) <= 200),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE TRIGGER customers_set_updated_at BEFORE UPDATE ON customers
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- One row per way to reach a customer; identity resolution across channels joins on (type, value).
CREATE TABLE customer_identifiers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  customer_id uuid NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  type text NOT NULL CHECK (type IN ('email', 'phone')),
  value text NOT NULL,
  verified boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT customer_identifiers_type_value_key UNIQUE (type, value),
  -- Stored normalized, so one address is one row: lowercased trimmed email, E.164 phone.
  CONSTRAINT customer_identifiers_value_normalized CHECK (
    (type = 'email' AND value = lower(btrim(value)) AND value LIKE '_%@_%' AND length(value) <= 320)
    OR (type = 'phone' AND value ~ '^\+[1-9][0-9]{6,14}$')
  )
);
CREATE INDEX customer_identifiers_customer_id_idx ON customer_identifiers (customer_id);
