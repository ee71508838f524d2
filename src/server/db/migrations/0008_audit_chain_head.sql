-- The head of a municipality's audit chain, taken under the chain's lock, in one round trip. PL/pgSQL takes a new
-- snapshot for each statement of a volatile function, so the head is read after the lock is held: a writer that
-- committed while we waited is seen.
CREATE OR REPLACE FUNCTION audit_chain_head(m uuid) RETURNS TABLE(seq bigint, hash text)
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended(m::text, 7));
  RETURN QUERY SELECT a.seq, a.hash FROM audit_log a WHERE a.municipality_id = m ORDER BY a.seq DESC LIMIT 1;
END
$$;
