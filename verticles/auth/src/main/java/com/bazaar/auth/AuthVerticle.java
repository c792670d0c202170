package com.bazaar.auth;

import com.bazaar.auth.account.AccountService;
import com.bazaar.auth.account.Registration;
import com.bazaar.auth.account.UserRepository;
import com.bazaar.auth.api.AuthAddresses;
import com.bazaar.auth.password.Passwords;
import com.bazaar.auth.session.SessionService;
import com.bazaar.auth.token.PublishedKeys;
import com.bazaar.auth.token.SigningKey;
import com.bazaar.auth.token.SigningKeyLoader;
import com.bazaar.auth.token.TokenIssuer;
import com.bazaar.platform.Ids;
import com.bazaar.platform.Platform;
import com.bazaar.platform.auth.AuthContract;
import com.bazaar.platform.auth.JwtSettings;
import com.bazaar.platform.bus.BusBindings;
import com.bazaar.platform.bus.BusReply;
import com.bazaar.platform.db.ConstraintErrors;
import com.bazaar.platform.db.ServiceDb;
import com.bazaar.platform.error.ApiError;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;

import java.util.Map;

/** Binds the auth service's addresses, after loading the signing key and creating the bootstrap ADMIN. */
public final class AuthVerticle extends VerticleBase {
  public static final String SERVICE = "auth";
  private static final ConstraintErrors CONSTRAINTS = ConstraintErrors.of(Map.of("users_email_key",
    ApiError.conflict("EMAIL_TAKEN", "An account with this email already exists", null)));

  private final Platform platform;
  private Passwords passwords;

  public AuthVerticle(Platform platform) {
    this.platform = platform;
  }

  @Override
  public Future<?> start() {
    JsonObject auth = platform.config().getJsonObject("auth");
    JwtSettings jwt = JwtSettings.from(platform.config());
    ServiceDb db = platform.db(SERVICE);
    UserRepository users = new UserRepository(db);
    passwords = new Passwords(vertx, auth.getInteger("hashWorkers"));
    AccountService accounts = new AccountService(users, passwords);
    JsonObject admin = auth.getJsonObject("bootstrapAdmin");
    Future<SigningKey> key = SigningKeyLoader.load(vertx, jwt, db);
    return Future.all(key, passwords.start())
      .compose(ready -> bind(accounts, new SessionService(db, users, passwords, new TokenIssuer(vertx, key.result(), jwt),
        platform.redis(), vertx.eventBus(), jwt.refreshTtlSec(), jwt.leewaySec()), PublishedKeys.of(key.result(), jwt)))
      .compose(bound -> accounts.ensureBootstrapAdmin(admin.getString("email"), admin.getString("password")));
  }

  private Future<Void> bind(AccountService accounts, SessionService sessions, BusReply keys) {
    return new BusBindings(vertx.eventBus(), CONSTRAINTS)
      .bind(AuthAddresses.REGISTER, r -> accounts.register(Registration.fromJson(r.bodyObject()))
        .map(user -> BusReply.created(new JsonObject().put("user", user.toJson()))))
      .bind(AuthAddresses.LOGIN, r -> sessions.login(r.bodyObject().getString("email"),
        r.bodyObject().getString("password")).map(pair -> BusReply.ok(pair.toJson())))
      .bind(AuthAddresses.REFRESH, r -> sessions.refresh(r.bodyObject().getString("refreshToken"))
        .map(pair -> BusReply.ok(pair.toJson())))
      .bind(AuthAddresses.LOGOUT, r -> sessions.logout(r.principal(), r.bodyObject().getString("refreshToken"))
        .map(BusReply.noContent()))
      .bind(AuthAddresses.ME, r -> accounts.me(r.principal()).map(user -> BusReply.ok(user.toJson())))
      .bind(AuthAddresses.CONTACT, r -> accounts.contact(r.principal(), Ids.parse(r.bodyObject().getString("userId"),
        "userId")).map(BusReply::ok))
      .bind(AuthAddresses.USERS_UPDATE, r -> sessions.setActive(Ids.parse(r.param("id"), "id"),
        r.bodyObject().getBoolean("isActive")).map(user -> BusReply.ok(user.toJson())))
      .bind(AuthContract.KEYS_ADDRESS, request -> Future.succeededFuture(keys))
      .ready();
  }

  @Override
  public Future<?> stop() {
    return passwords == null ? Future.succeededFuture() : passwords.close();
  }
}
