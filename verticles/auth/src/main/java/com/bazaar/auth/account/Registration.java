package com.bazaar.auth.account;

import com.bazaar.platform.bus.Principal;
import com.bazaar.platform.error.ApiError;
import io.vertx.core.json.JsonObject;

import java.util.Locale;

/** A sign-up: the email normalised, the password still clear, the profile, and the role (never ADMIN). */
public record Registration(String email, String password, Profile profile, String role) {

  /** The optional names and phone of an account. */
  public record Profile(String firstName, String lastName, String phone) {
    static final Profile NONE = new Profile(null, null, null);
  }

  public static Registration fromJson(JsonObject body) {
    String role = body.getString("role", Principal.CUSTOMER);
    if (!role.equals(Principal.CUSTOMER) && !role.equals(Principal.RESELLER)) {
      throw ApiError.badRequest("INVALID_ROLE", "Self-registration may choose CUSTOMER or RESELLER", null);
    }
    return new Registration(normalizeEmail(body.getString("email")), body.getString("password"),
      new Profile(body.getString("firstName"), body.getString("lastName"), body.getString("phone")), role);
  }

  public static String normalizeEmail(String email) {
    return email.trim().toLowerCase(Locale.ROOT);
  }
}
