package com.bazaar.auth.session;

import com.bazaar.platform.db.ServiceDb;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.util.Optional;
import java.util.UUID;

/** SQL for refresh-token families and their rotation. */
final class RefreshTokenRepository {
  private static final String NEW_FAMILY = "INSERT INTO refresh_families (user_id) VALUES ($1) RETURNING id";
  private static final String INSERT = "INSERT INTO refresh_tokens (user_id, family_id, parent_id, token_hash, expires_at) "
    + "VALUES ($1, $2, $3, $4, now() + make_interval(secs => $5))";
  // Spends a token atomically: of any number of concurrent presentations, exactly one sees the row unused.
  private static final String SPEND = "UPDATE refresh_tokens t SET used_at = now() FROM refresh_families f "
    + "WHERE t.token_hash = $1 AND t.used_at IS NULL AND t.revoked_at IS NULL AND t.expires_at > now() "
    + "AND f.id = t.family_id AND f.revoked_at IS NULL RETURNING t.id, t.user_id, t.family_id";
  private static final String FIND = "SELECT t.id, t.user_id, t.family_id, t.used_at, t.expires_at, f.revoked_at "
    + "FROM refresh_tokens t JOIN refresh_families f ON f.id = t.family_id WHERE t.token_hash = $1";
  private static final String REVOKE_FAMILY = "WITH f AS (UPDATE refresh_families SET revoked_at = now(), "
    + "revoke_reason = $2 WHERE id = $1 AND revoked_at IS NULL RETURNING id) "
    + "UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL";

  private static final String REVOKE_ALL_OF_USER = "UPDATE refresh_families SET revoked_at = now(), revoke_reason = $2 "
    + "WHERE user_id = $1 AND revoked_at IS NULL";

  record Spent(UUID tokenId, UUID userId, UUID familyId) {
  }

  record Found(UUID tokenId, UUID userId, UUID familyId, boolean used, boolean expired, boolean revoked) {
  }

  private final ServiceDb db;

  RefreshTokenRepository(ServiceDb db) {
    this.db = db;
  }

  ServiceDb db() {
    return db;
  }

  Future<UUID> newFamily(SqlClient client, UUID userId) {
    return client.preparedQuery(NEW_FAMILY).execute(Tuple.of(userId)).map(rows -> rows.iterator().next().getUUID(0));
  }

  Future<Void> insert(SqlClient client, UUID userId, UUID familyId, UUID parentId, byte[] hash, int ttlSec) {
    return client.preparedQuery(INSERT)
      .execute(Tuple.of(userId, familyId, parentId, io.vertx.core.buffer.Buffer.buffer(hash), ttlSec)).mapEmpty();
  }

  Future<Optional<Spent>> spend(SqlClient client, byte[] hash) {
    return client.preparedQuery(SPEND).execute(Tuple.of(io.vertx.core.buffer.Buffer.buffer(hash))).map(rows -> {
      if (rows.size() == 0) {
        return Optional.empty();
      }
      Row row = rows.iterator().next();
      return Optional.of(new Spent(row.getUUID("id"), row.getUUID("user_id"), row.getUUID("family_id")));
    });
  }

  Future<Optional<Found>> find(byte[] hash) {
    return db.write().preparedQuery(FIND).execute(Tuple.of(io.vertx.core.buffer.Buffer.buffer(hash))).map(rows -> {
      if (rows.size() == 0) {
        return Optional.empty();
      }
      Row row = rows.iterator().next();
      return Optional.of(new Found(row.getUUID("id"), row.getUUID("user_id"), row.getUUID("family_id"),
        row.getOffsetDateTime("used_at") != null,
        row.getOffsetDateTime("expires_at").isBefore(java.time.OffsetDateTime.now()),
        row.getOffsetDateTime("revoked_at") != null));
    });
  }

  /** Ends every session of the user: no refresh token of theirs can be spent again. */
  Future<Void> revokeAllOf(UUID userId, String reason) {
    return db.write().preparedQuery(REVOKE_ALL_OF_USER).execute(Tuple.of(userId, reason)).mapEmpty();
  }

  Future<Void> revokeFamily(UUID familyId, String reason) {
    return db.write().preparedQuery(REVOKE_FAMILY).execute(Tuple.of(familyId, reason)).mapEmpty();
  }
}
