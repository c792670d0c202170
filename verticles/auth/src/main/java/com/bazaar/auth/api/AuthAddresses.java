package com.bazaar.auth.api;

/** The auth service's published bus contract. Keys and revocations are in the platform's AuthContract. */
public final class AuthAddresses {
  public static final String REGISTER = "auth.register";
  public static final String LOGIN = "auth.login";
  public static final String REFRESH = "auth.refresh";
  public static final String LOGOUT = "auth.logout";
  public static final String ME = "auth.me";
  /** For services only: {@code {"userId"}} in, {@code {"email", "firstName"}} out; 404 for no active account. */
  public static final String CONTACT = "auth.contact";
  /** ADMIN: enable or disable an account; disabling revokes every token of it. */
  public static final String USERS_UPDATE = "auth.users.update";

  private AuthAddresses() {
  }
}
