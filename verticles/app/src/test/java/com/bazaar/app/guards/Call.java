package com.bazaar.app.guards;

import java.util.Map;

/**
 * One request a fixture prepared: method, path with real ids, body, extra headers, and which kind of caller owns
 * what it touches (null when nobody does). {@code revokesCaller} marks a call that ends the caller's session.
 */
record Call(String method, String path, Object body, Map<String, String> headers, Caller owner, boolean revokesCaller) {

  static Call of(String method, String path) {
    return new Call(method, path, null, Map.of(), null, false);
  }

  static Call of(String method, String path, Object body) {
    return new Call(method, path, body, Map.of(), null, false);
  }

  Call ownedBy(Caller owner) {
    return new Call(method, path, body, headers, owner, revokesCaller);
  }

  Call withHeaders(Map<String, String> extra) {
    return new Call(method, path, body, extra, owner, revokesCaller);
  }

  Call revokingTheCaller() {
    return new Call(method, path, body, headers, owner, true);
  }
}
