package com.bazaar.auth.account;

import com.bazaar.platform.db.ServiceDb;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.util.Optional;
import java.util.UUID;

/** SQL for users and their roles. A user and its role are written in one statement. */
public final class UserRepository {
  private static final String INSERT = "WITH u AS (INSERT INTO users (email, password_hash, first_name, last_name, phone) "
    + "VALUES ($1, $2, $3, $4, $5) RETURNING *), r AS (INSERT INTO user_roles (user_id, role) SELECT id, $6 FROM u) "
    + "SELECT u.id, u.email, u.password_hash, u.first_name, u.last_name, u.phone, u.is_active, u.created_at, "
    + "ARRAY[$6::text] AS roles FROM u";
  private static final String BY_EMAIL = "SELECT " + User.COLUMNS + " FROM users u WHERE u.email = $1";
  private static final String BY_ID = "SELECT " + User.COLUMNS + " FROM users u WHERE u.id = $1";
  private static final String SET_ACTIVE = "UPDATE users u SET is_active = $2, updated_at = now() WHERE u.id = $1 "
    + "RETURNING " + User.COLUMNS;
  private static final String ADMIN_EXISTS = "SELECT EXISTS (SELECT 1 FROM user_roles WHERE role = 'ADMIN')";

  private final ServiceDb db;

  public UserRepository(ServiceDb db) {
    this.db = db;
  }

  public Future<User> insert(String email, String passwordHash, Registration.Profile profile, String role) {
    return db.write().preparedQuery(INSERT)
      .execute(Tuple.of(email, passwordHash, profile.firstName(), profile.lastName(), profile.phone(), role))
      .map(rows -> User.from(rows.iterator().next()));
  }

  public Future<Optional<User>> byEmail(String email) {
    return db.write().preparedQuery(BY_EMAIL).execute(Tuple.of(email)).map(UserRepository::first);
  }

  public Future<Optional<User>> byId(UUID id) {
    return byId(db.read(), id);
  }

  /** Inside a transaction, read on its connection: taking a second one while holding the first can deadlock the pool. */
  public Future<Optional<User>> byId(SqlClient client, UUID id) {
    return client.preparedQuery(BY_ID).execute(Tuple.of(id)).map(UserRepository::first);
  }

  public Future<Optional<User>> setActive(UUID id, boolean active) {
    return db.write().preparedQuery(SET_ACTIVE).execute(Tuple.of(id, active)).map(UserRepository::first);
  }

  public Future<Boolean> adminExists() {
    return db.write().query(ADMIN_EXISTS).execute().map(rows -> rows.iterator().next().getBoolean(0));
  }

  private static Optional<User> first(RowSet<Row> rows) {
    return rows.size() == 0 ? Optional.empty() : Optional.of(User.from(rows.iterator().next()));
  }
}
