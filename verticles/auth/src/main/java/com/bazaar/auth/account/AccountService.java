package com.bazaar.auth.account;

import com.bazaar.auth.password.Passwords;
import com.bazaar.platform.Ids;
import com.bazaar.platform.bus.BusReply;
import com.bazaar.platform.bus.BusRequest;
import com.bazaar.platform.bus.Principal;
import com.bazaar.platform.db.PgErrors;
import com.bazaar.platform.error.ApiError;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;

/** Registration, the current user, and the first ADMIN from config. */
public final class AccountService {
  private static final Logger LOG = LoggerFactory.getLogger(AccountService.class);

  private final UserRepository users;
  private final Passwords passwords;

  public AccountService(UserRepository users, Passwords passwords) {
    this.users = users;
    this.passwords = passwords;
  }

  public static String normalizeEmail(String email) {
    return email.trim().toLowerCase(Locale.ROOT);
  }

  public Future<BusReply> register(BusRequest request) {
    JsonObject body = request.bodyObject();
    String role = body.getString("role", Principal.CUSTOMER);
    if (!role.equals(Principal.CUSTOMER) && !role.equals(Principal.RESELLER)) {
      throw ApiError.badRequest("INVALID_ROLE", "Self-registration may choose CUSTOMER or RESELLER", null);
    }
    String email = normalizeEmail(body.getString("email"));
    return passwords.hash(body.getString("password"))
      .compose(hash -> users.insert(email, hash, body, role))
      .map(user -> BusReply.created(new JsonObject().put("user", user.toJson())))
      .recover(failure -> Future.failedFuture(PgErrors.uniqueViolation(failure).isPresent()
        ? ApiError.conflict("EMAIL_TAKEN", "An account with this email already exists", null)
        : failure));
  }

  public Future<BusReply> me(BusRequest request) {
    return users.byId(Ids.parse(request.principal().userId(), "sub"))
      .map(user -> BusReply.ok(user.filter(User::active)
        .orElseThrow(() -> ApiError.unauthorized("The account no longer exists or is disabled")).toJson()));
  }

  /** Creates the configured ADMIN when no ADMIN exists yet; never promotes an account someone else registered. */
  public Future<Void> ensureBootstrapAdmin(String email, String password) {
    if (email.isBlank() || password.isBlank()) {
      return Future.succeededFuture();
    }
    String normalized = normalizeEmail(email);
    return users.adminExists().compose(exists -> {
      if (exists) {
        return Future.succeededFuture();
      }
      return passwords.hash(password)
        .compose(hash -> users.insert(normalized, hash, new JsonObject(), Principal.ADMIN))
        .onSuccess(user -> LOG.info("Created the bootstrap ADMIN {}", normalized))
        .<Void>mapEmpty()
        .recover(failure -> {
          if (PgErrors.uniqueViolation(failure).isPresent()) {
            return users.adminExists().compose(nowExists -> {
              if (!nowExists) {
                LOG.error("Bootstrap ADMIN {} not created: the email belongs to a non-admin account", normalized);
              }
              return Future.<Void>succeededFuture();
            });
          }
          return Future.failedFuture(failure);
        });
    });
  }
}
